package com.platepay.console;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The console's reads, each bound to the operator's own sites (plain SQL: nothing of another part is loaded). */
@ApplicationScoped
public class ConsoleQueries {

    /** A charge as the live feed shows it. */
    public record FeedCharge(UUID id, String chargeRef, UUID siteId, String siteName, String deviceName, String pump, String plate,
                             String plateColour, long amount, long refunded, String currency, String status, String reasonCode,
                             String maskedCard, String attendant, Instant createdAt, Instant updatedAt) {
    }

    /** A plate read of a parking lane, as the feed shows it. */
    public record FeedRead(UUID id, UUID siteId, String siteName, String deviceName, String direction, String plate,
                           int confidence, String decision, Instant capturedAt) {
    }

    public record DayPoint(LocalDate day, UUID siteId, String siteName, String currency, long revenue, long approved, long declined) {
    }

    public record ReasonCount(String reasonCode, long count) {
    }

    public record ConsoleStats(List<DayPoint> days, List<ReasonCount> declineReasons) {
    }

    /**
     * A device with when it was last heard of (its newest status, charge or plate read; null when never) and its
     * presence from its status topic: {@code online} ONLINE or OFFLINE since {@code onlineSince}, null when it never
     * reported one.
     */
    public record DeviceActivity(UUID id, UUID siteId, String siteName, String type, String name, String status, Instant lastSeen,
                                 String online, Instant onlineSince) {
    }

    /** A cylinder check (CNG), as the feed shows it: the fill decision and the payment part's. */
    public record FeedCheck(UUID id, UUID siteId, String siteName, String deviceName, String pump, String plate, String plateColour,
                            String fillCode, String paymentCode, Instant createdAt) {
    }

    private static final String CHARGE = """
            select c.id, c.charge_ref, c.site_id, s.name as site_name, d.name as device_name, c.pump, c.plate, c.plate_colour,
                   c.amount, c.refunded, c.currency, c.status, c.reason_code, c.masked_card, c.attendant, c.created_at, c.updated_at
            from charges c join sites s on s.id = c.site_id join devices d on d.id = c.device_id
            where s.operator_id = $1""";

    private static final String READ = """
            select r.id, r.site_id, s.name as site_name, d.name as device_name, r.direction, r.plate, r.confidence, r.decision,
                   r.captured_at
            from plate_reads r join sites s on s.id = r.site_id join devices d on d.id = r.device_id
            where s.operator_id = $1""";

    private static final String CHECK = """
            select k.id, k.site_id, s.name as site_name, d.name as device_name, k.pump, k.plate, k.colour, k.fill_code,
                   k.payment_code, k.created_at
            from cylinder_checks k join sites s on s.id = k.site_id join devices d on d.id = k.device_id
            where s.operator_id = $1""";

    private static final String DEVICE = """
            select d.id, d.site_id, s.name as site_name, d.type, d.name, d.status, p.state, p.changed_at,
                   greatest((select max(c.created_at) from charges c where c.device_id = d.id),
                            (select max(r.received_at) from plate_reads r where r.device_id = d.id),
                            p.last_seen_at) as last_seen
            from devices d join sites s on s.id = d.site_id left join device_presence p on p.device_id = d.id
            where s.operator_id = $1""";

    private final Pool pool;

    public ConsoleQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Set<UUID>> sites(UUID operatorId) {
        return pool.preparedQuery("select id from sites where operator_id = $1").execute(Tuple.of(operatorId)).map(rows -> {
            Set<UUID> ids = new HashSet<>();
            rows.forEach(r -> ids.add(r.getUUID("id")));
            return ids;
        });
    }

    public Uni<List<FeedCharge>> charges(UUID operatorId, UUID siteId, String status, int limit) {
        StringBuilder sql = new StringBuilder(CHARGE);
        List<Object> args = new ArrayList<>(List.of(operatorId));
        if (siteId != null) {
            args.add(siteId);
            sql.append(" and c.site_id = $").append(args.size());
        }
        if (status != null) {
            args.add(status);
            sql.append(" and c.status = $").append(args.size());
        }
        sql.append(" order by c.created_at desc limit ").append(limit);
        return list(sql.toString(), Tuple.from(args), ConsoleQueries::charge);
    }

    public Uni<FeedCharge> charge(UUID operatorId, UUID chargeId) {
        return list(CHARGE + " and c.id = $2", Tuple.of(operatorId, chargeId), ConsoleQueries::charge)
                .map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<List<FeedRead>> reads(UUID operatorId, UUID siteId, int limit) {
        return siteId == null
                ? list(READ + " order by r.received_at desc limit " + limit, Tuple.of(operatorId), ConsoleQueries::read)
                : list(READ + " and r.site_id = $2 order by r.received_at desc limit " + limit, Tuple.of(operatorId, siteId),
                ConsoleQueries::read);
    }

    public Uni<FeedRead> read(UUID operatorId, UUID readId) {
        return list(READ + " and r.id = $2", Tuple.of(operatorId, readId), ConsoleQueries::read).map(l -> l.isEmpty() ? null : l.get(0));
    }

    /**
     * Per day and site: approved takings net of refunds, approved and declined counts; and decline reasons. A day is
     * the site's own local day (its time zone, as its settlement uses; the platform's zone when it has none), not the
     * platform's business day, so a chart's day and the settlement's day of a site agree.
     */
    public Uni<ConsoleStats> stats(UUID operatorId, LocalDate from, String platformZone) {
        // A day boundary is at most 14 hours from UTC: the indexed bound keeps the scan to the window, the local day filters.
        OffsetDateTime earliest = from.atStartOfDay().atOffset(ZoneOffset.UTC).minusHours(14);
        Uni<List<DayPoint>> days = list("""
                        select (c.created_at at time zone coalesce(s.time_zone, $3))::date as day, c.site_id, s.name, c.currency,
                               coalesce(sum(c.amount - c.refunded) filter (where c.status = 'APPROVED'), 0) as revenue,
                               count(*) filter (where c.status = 'APPROVED') as approved,
                               count(*) filter (where c.status = 'DECLINED') as declined
                        from charges c join sites s on s.id = c.site_id
                        where s.operator_id = $1 and c.created_at >= $4
                          and (c.created_at at time zone coalesce(s.time_zone, $3))::date >= $2
                        group by 1, c.site_id, s.name, c.currency order by 1, s.name""",
                Tuple.of(operatorId, from, platformZone, earliest), r -> new DayPoint(r.getLocalDate("day"), r.getUUID("site_id"),
                        r.getString("name"), r.getString("currency"), r.getLong("revenue"), r.getLong("approved"), r.getLong("declined")));
        Uni<List<ReasonCount>> reasons = list("""
                        select coalesce(c.reason_code, 'UNKNOWN') as reason, count(*) as n
                        from charges c join sites s on s.id = c.site_id
                        where s.operator_id = $1 and c.created_at >= $4
                          and (c.created_at at time zone coalesce(s.time_zone, $3))::date >= $2
                          and c.status in ('DECLINED', 'UNKNOWN', 'REVERSED')
                        group by 1 order by 2 desc""",
                Tuple.of(operatorId, from, platformZone, earliest), r -> new ReasonCount(r.getString("reason"), r.getLong("n")));
        return Uni.combine().all().unis(days, reasons).asTuple().map(t -> new ConsoleStats(t.getItem1(), t.getItem2()));
    }

    public Uni<List<DeviceActivity>> devices(UUID operatorId) {
        return list(DEVICE + " order by s.name, d.name", Tuple.of(operatorId), ConsoleQueries::device);
    }

    public Uni<DeviceActivity> device(UUID operatorId, UUID deviceId) {
        return list(DEVICE + " and d.id = $2", Tuple.of(operatorId, deviceId), ConsoleQueries::device).map(l -> l.isEmpty() ? null : l.get(0));
    }

    public Uni<List<FeedCheck>> checks(UUID operatorId, UUID siteId, int limit) {
        return siteId == null
                ? list(CHECK + " order by k.created_at desc limit " + limit, Tuple.of(operatorId), ConsoleQueries::check)
                : list(CHECK + " and k.site_id = $2 order by k.created_at desc limit " + limit, Tuple.of(operatorId, siteId),
                ConsoleQueries::check);
    }

    public Uni<FeedCheck> check(UUID operatorId, UUID checkId) {
        return list(CHECK + " and k.id = $2", Tuple.of(operatorId, checkId), ConsoleQueries::check).map(l -> l.isEmpty() ? null : l.get(0));
    }

    private static DeviceActivity device(Row r) {
        return new DeviceActivity(r.getUUID("id"), r.getUUID("site_id"), r.getString("site_name"), r.getString("type"), r.getString("name"),
                r.getString("status"), instant(r, "last_seen"), r.getString("state"), instant(r, "changed_at"));
    }

    private static FeedCheck check(Row r) {
        return new FeedCheck(r.getUUID("id"), r.getUUID("site_id"), r.getString("site_name"), r.getString("device_name"), r.getString("pump"),
                r.getString("plate"), r.getString("colour"), r.getString("fill_code"), r.getString("payment_code"), instant(r, "created_at"));
    }

    private <T> Uni<List<T>> list(String sql, Tuple args, Function<Row, T> map) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<T> out = new ArrayList<>();
            rows.forEach(r -> out.add(map.apply(r)));
            return out;
        });
    }

    private static FeedCharge charge(Row r) {
        return new FeedCharge(r.getUUID("id"), r.getString("charge_ref"), r.getUUID("site_id"), r.getString("site_name"),
                r.getString("device_name"), r.getString("pump"), r.getString("plate"), r.getString("plate_colour"), r.getLong("amount"),
                r.getLong("refunded"), r.getString("currency"), r.getString("status"), r.getString("reason_code"),
                r.getString("masked_card"), r.getString("attendant"), instant(r, "created_at"), instant(r, "updated_at"));
    }

    private static FeedRead read(Row r) {
        return new FeedRead(r.getUUID("id"), r.getUUID("site_id"), r.getString("site_name"), r.getString("device_name"),
                r.getString("direction"), r.getString("plate"), r.getInteger("confidence"), r.getString("decision"),
                instant(r, "captured_at"));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
