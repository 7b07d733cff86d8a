package com.platepay.shifts;

import com.platepay.attendants.AttendantDirectory;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.sites.Device;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What the server recorded from one handheld over a shift, for the attendant's end-of-shift report: every charge
 * the device sent whose capturedAt (the device's own time of the fill) falls in [from, to), with its outcome, pump
 * and attendant. The simulator's {@code shift-report} compares it with what the device kept of what it sent. Only a
 * device of a site the attendant works at; any other is "not found".
 */
@Path("/api/v1/attendant/devices/{id}/shift-report")
@RolesAllowed(Roles.ATTENDANT)
public class ShiftReportResource {

    static final Duration MAX_SHIFT = Duration.ofHours(24);
    static final int MAX_ROWS = 2000;

    public record RecordedCharge(String chargeId, String status, String reasonCode, long amount, String currency, String pump,
                                 String attendant, Instant capturedAt) {
    }

    public record ShiftReport(UUID deviceId, UUID siteId, Instant from, Instant to, List<RecordedCharge> charges, long approvedCount,
                              long approvedAmount) {
    }

    private final AttendantDirectory attendants;

    public ShiftReportResource(AttendantDirectory attendants) {
        this.attendants = attendants;
    }

    @APIResponse(responseCode = "200", description = "the charges the server recorded from this handheld in [from, to)")
    @APIResponse(responseCode = "400", description = "INVALID_SHIFT: from and to are RFC 3339 times, from before to, at most 24 hours apart")
    @APIResponse(responseCode = "404", description = "no such device at a site of yours")
    @GET
    @WithSession
    public Uni<ShiftReport> report(@PathParam("id") UUID deviceId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = to == null ? Instant.now() : time(to);
        Instant start = from == null ? end.minus(Duration.ofHours(12)) : time(from);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_SHIFT) > 0) {
            throw ApiException.badRequest("INVALID_SHIFT", "from must be before to, at most 24 hours apart");
        }
        return attendants.current().flatMap(a -> Device.<Device>findById(deviceId).map(d -> {
            if (d == null || !a.siteIds.contains(d.siteId)) {
                throw ApiException.notFound("device");
            }
            return d;
        })).flatMap(d -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select charge_ref, status, reason_code, amount, currency, pump, attendant, captured_at from charges
                        where device_id = ?1 and captured_at >= ?2 and captured_at < ?3 order by captured_at, charge_ref limit ?4""",
                        Object[].class)
                .setParameter(1, deviceId).setParameter(2, start.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(3, end.atOffset(java.time.ZoneOffset.UTC)).setParameter(4, MAX_ROWS).getResultList())
                .map(rows -> {
                    List<RecordedCharge> charges = rows.stream().map(r -> new RecordedCharge((String) r[0], (String) r[1], (String) r[2],
                            ((Number) r[3]).longValue(), ((String) r[4]).trim(), (String) r[5], (String) r[6], instant(r[7]))).toList();
                    List<RecordedCharge> approved = charges.stream().filter(c -> "APPROVED".equals(c.status())).toList();
                    return new ShiftReport(deviceId, d.siteId, start, end, charges, approved.size(),
                            approved.stream().mapToLong(RecordedCharge::amount).sum());
                }));
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_SHIFT", "from and to are RFC 3339 times such as 2026-11-23T06:00:00Z");
        }
    }
}
