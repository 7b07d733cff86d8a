package com.platepay.activity;

import com.platepay.disputes.Evidence;
import com.platepay.disputes.EvidenceCollector;
import com.platepay.enrollment.DriverDirectory;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.protocol.plate.PlateNumber;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The driver's history (every charge against their mandates, with where it happened and its dispute, filterable)
 * and their feed (notifications with the charge each is about). Another driver's charge is 404.
 */
@Path("/api/v1/me")
@RolesAllowed(Roles.DRIVER)
public class ActivityResource {

    static final Set<String> STATUSES = Set.of("AUTHORIZING", "APPROVED", "DECLINED", "UNKNOWN", "REVERSED", "REVERSAL_FAILED");
    static final Set<String> CATEGORIES = Set.of("GAS", "PARKING");
    static final int MAX_LIMIT = 200;

    /** A charge with the evidence the system holds about it. */
    public record ChargeDetail(ChargeLine charge, Evidence evidence) {
    }

    private final DriverDirectory drivers;
    private final ActivityQueries queries;
    private final EvidenceCollector evidence;
    private final ZoneId zone;

    public ActivityResource(DriverDirectory drivers, ActivityQueries queries, EvidenceCollector evidence,
                            @ConfigProperty(name = "platepay.charging.business-zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this.drivers = drivers;
        this.queries = queries;
        this.evidence = evidence;
        this.zone = zone;
    }

    /**
     * Newest first. {@code from}/{@code to}: days (yyyy-MM-dd, the platform's business day, both included);
     * {@code before}: the createdAt of the last line already shown, for the next page.
     */
    @GET
    @Path("/history")
    public Uni<List<ChargeLine>> history(@QueryParam("status") String status, @QueryParam("category") String category,
                                         @QueryParam("plate") String plate, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("before") String before,
                                         @QueryParam("limit") Integer limit) {
        ActivityQueries.ChargeFilter filter = new ActivityQueries.ChargeFilter(oneOf("status", status, STATUSES),
                oneOf("category", category, CATEGORIES), plate == null || plate.isBlank() ? null : PlateNumber.parse(plate).text(),
                day("from", from, false), day("to", to, true), instant("before", before), limit(limit));
        return driverId().flatMap(d -> queries.charges(d, filter));
    }

    @GET
    @Path("/history/{chargeId}")
    public Uni<ChargeDetail> charge(@PathParam("chargeId") UUID chargeId) {
        return driverId().flatMap(d -> queries.charge(d, chargeId).flatMap(line -> {
            if (line == null) {
                throw ApiException.notFound("charge");
            }
            return evidence.forDriver(chargeId, d).map(found -> new ChargeDetail(line, found.evidence()));
        }));
    }

    /** The driver's notifications, newest first, each with its charge. */
    @GET
    @Path("/feed")
    public Uni<List<FeedItem>> feed(@QueryParam("limit") Integer limit) {
        int n = limit(limit);
        return driverId().flatMap(d -> queries.feed(d, n));
    }

    private Uni<UUID> driverId() {
        return Panache.withTransaction(drivers::current).map(d -> d.id);
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiException.badRequest("INVALID_FILTER", name + " is one of " + allowed.stream().sorted().toList());
        }
        return value;
    }

    private Instant day(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_FILTER", name + " is a day, yyyy-MM-dd");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_FILTER", name + " is an instant, e.g. 2026-12-01T08:00:00Z");
        }
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("INVALID_FILTER", "limit is 1 to " + MAX_LIMIT);
        }
        return limit;
    }
}
