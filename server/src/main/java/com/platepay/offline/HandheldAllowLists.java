package com.platepay.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.platform.Hashes;
import com.platepay.protocol.CanonicalJson;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.offline.HandheldAllowList;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Builds a GAS site's handheld allow-list and gives it its version. Listed: the site's regulars (a charge or a
 * cylinder-check there in the last 90 days, the most recent first, at most {@link #MAX_VEHICLES}: a country's
 * mandates would not fit a handheld, nor the broker's message limit) with an active mandate allowing GAS, the proof
 * approved, and every cylinder in service on the vehicle confirmed, inspected in time and within its design life
 * today. Each plate's floor is the site's, lowered to the mandate's daily cap.
 *
 * <p>The version comes from the database: a conditional upsert takes a new one only when the list's digest changed or
 * the list has lived half its validity. Replicas that build the same list therefore get the same version, issue time
 * and validity, so they publish identical bodies and a second publish changes nothing.
 */
@ApplicationScoped
public class HandheldAllowLists {

    static final int MAX_VEHICLES = 200;

    private static final String VEHICLES = """
            with seen as (
                select plate, plate_colour as colour, max(created_at) as last_seen from charges
                where site_id = ?1 and created_at > now() - interval '90 days' and plate_colour is not null group by 1, 2
                union all
                select coalesce(k.plate, c.plate), coalesce(k.colour, c.colour), max(k.created_at) from cylinder_checks k
                left join cylinders c on c.id = k.cylinder_id
                where k.site_id = ?1 and k.created_at > now() - interval '90 days' group by 1, 2
            ), regulars as (
                select plate, colour, max(last_seen) as last_seen from seen where plate is not null and colour is not null group by 1, 2
            )
            select m.plate, m.colour, least(s.offline_daily_floor, m.daily_cap) as floor,
                   string_agg(c.tag_id || ' ' || c.medium || ' ' || cast(c.next_inspection_due as text), ',' order by c.tag_id) as cylinders
            from regulars r
            join mandates m on m.plate = r.plate and m.colour = r.colour and m.status = 'ACTIVE' and m.allow_gas
            join vehicles v on v.id = m.vehicle_id and v.verification = 'APPROVED'
            join cylinders c on c.vehicle_id = v.id and c.status <> 'RETIRED'
            join sites s on s.id = ?1
            group by m.plate, m.colour, s.offline_daily_floor, m.daily_cap, r.last_seen
            having bool_and(c.status = 'ACTIVE' and c.next_inspection_due >= cast(?2 as date)
                            and cast(c.manufactured_on + make_interval(years => c.design_life_years) as date) > cast(?2 as date))
            order by r.last_seen desc, m.plate, m.colour
            limit %d""".formatted(MAX_VEHICLES);

    private static final String TAKE_VERSION = """
            insert into handheld_allow_lists (site_id, version, digest, issued_at, valid_until)
            values (?1, 1, ?2, now(), now() + interval '1 millisecond' * cast(?3 as bigint))
            on conflict (site_id) do update set version = handheld_allow_lists.version + 1, digest = excluded.digest,
                issued_at = excluded.issued_at, valid_until = excluded.valid_until
            where handheld_allow_lists.digest <> excluded.digest
               or handheld_allow_lists.issued_at < now() - interval '1 millisecond' * cast(?4 as bigint)""";

    private static final String CURRENT = "select version, issued_at, valid_until, digest from handheld_allow_lists where site_id = ?1";

    /**
     * The list for the site as of {@code today} (the business day), with its version; null when another replica stored
     * a different list at the same moment (the next round publishes it). Runs in a transaction.
     */
    Uni<HandheldAllowList> build(UUID siteId, String currency, LocalDate today, Duration validity) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(VEHICLES, Object[].class).setParameter(1, siteId)
                        .setParameter(2, today).getResultList())
                .flatMap(rows -> {
                    List<HandheldAllowList.Vehicle> vehicles = new ArrayList<>(rows.stream().map(HandheldAllowLists::vehicle).toList());
                    vehicles.sort(Comparator.comparing(HandheldAllowList.Vehicle::plate).thenComparing(HandheldAllowList.Vehicle::plateColour));
                    String digest = digest(currency, vehicles);
                    return Panache.getSession().flatMap(s -> s.createNativeQuery(TAKE_VERSION).setParameter(1, siteId).setParameter(2, digest)
                                    .setParameter(3, validity.toMillis()).setParameter(4, validity.toMillis() / 2).executeUpdate())
                            .flatMap(ignored -> Panache.getSession().flatMap(s -> s.createNativeQuery(CURRENT, Object[].class)
                                    .setParameter(1, siteId).getSingleResult()))
                            // Another replica stored a different list meanwhile: its version is not this list's; publish nothing.
                            .map(r -> !digest.equals(r[3]) ? null : new HandheldAllowList(((Number) r[0]).longValue(),
                                    instant(r[1]).truncatedTo(ChronoUnit.MILLIS), instant(r[2]).truncatedTo(ChronoUnit.MILLIS), currency, vehicles));
                });
    }

    private static HandheldAllowList.Vehicle vehicle(Object[] r) {
        List<HandheldAllowList.Cylinder> cylinders = Arrays.stream(((String) r[3]).split(",")).map(c -> c.split(" "))
                .map(p -> new HandheldAllowList.Cylinder(p[0], p[1], LocalDate.parse(p[2]))).toList();
        return new HandheldAllowList.Vehicle((String) r[0], (String) r[1], ((Number) r[2]).longValue(), cylinders);
    }

    static String digest(String currency, List<HandheldAllowList.Vehicle> vehicles) {
        ObjectNode n = ProtocolCodec.mapper().createObjectNode();
        n.put("currency", currency);
        n.set("vehicles", ProtocolCodec.tree(vehicles));
        return Hashes.sha256Hex(CanonicalJson.bytes(n));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
