package com.platepay.activity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The driver app's reads: every one is bound to the driver's id, so nobody reads another's lines. */
@ApplicationScoped
public class ActivityQueries {

    /** A filter over the driver's charges; null fields do not filter. */
    public record ChargeFilter(String status, String category, String plate, Instant from, Instant to, Instant before, int limit) {
    }

    private static final String FEED = """
            select n.id as n_id, n.kind, n.title, n.body, n.created_at as n_created_at, n.charge_id as n_charge_id,
                   n.plate as n_plate, n.detail as n_detail
            from notifications n where n.driver_id = $1""";

    private final Pool pool;

    public ActivityQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ChargeLine>> charges(UUID driverId, ChargeFilter f) {
        StringBuilder sql = new StringBuilder(ChargeLine.SELECT).append(" where c.driver_id = $1");
        List<Object> args = new ArrayList<>(List.of(driverId));
        condition(sql, args, "c.status = ", f.status());
        condition(sql, args, "s.category = ", f.category());
        condition(sql, args, "c.plate = ", f.plate());
        condition(sql, args, "c.created_at >= ", f.from() == null ? null : f.from().atOffset(java.time.ZoneOffset.UTC));
        condition(sql, args, "c.created_at < ", f.to() == null ? null : f.to().atOffset(java.time.ZoneOffset.UTC));
        condition(sql, args, "c.created_at < ", f.before() == null ? null : f.before().atOffset(java.time.ZoneOffset.UTC));
        sql.append(" order by c.created_at desc, c.id desc limit ").append(f.limit());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(ActivityQueries::lines);
    }

    public Uni<ChargeLine> charge(UUID driverId, UUID chargeId) {
        return pool.preparedQuery(ChargeLine.SELECT + " where c.driver_id = $1 and c.id = $2").execute(Tuple.of(driverId, chargeId))
                .map(rows -> rows.iterator().hasNext() ? ChargeLine.of(rows.iterator().next()) : null);
    }

    public Uni<List<FeedItem>> feed(UUID driverId, int limit) {
        return pool.preparedQuery(FEED + " order by n.created_at desc limit " + limit).execute(Tuple.of(driverId))
                .flatMap(rows -> {
                    List<Uni<FeedItem>> items = new ArrayList<>();
                    rows.forEach(row -> items.add(item(driverId, row)));
                    return items.isEmpty() ? Uni.createFrom().item(List.<FeedItem>of())
                            : Uni.join().all(items).andFailFast();
                });
    }

    /** One notification of this driver as a feed item, or null when it is not theirs. */
    public Uni<FeedItem> feedItem(UUID driverId, UUID notificationId) {
        return pool.preparedQuery(FEED + " and n.id = $2").execute(Tuple.of(driverId, notificationId))
                .flatMap(rows -> rows.iterator().hasNext() ? item(driverId, rows.iterator().next()) : Uni.createFrom().nullItem());
    }

    private Uni<FeedItem> item(UUID driverId, Row n) {
        UUID chargeId = n.getUUID("n_charge_id");
        Uni<ChargeLine> charge = chargeId == null ? Uni.createFrom().nullItem() : charge(driverId, chargeId);
        return charge.map(c -> new FeedItem(n.getUUID("n_id"), n.getString("kind"), n.getString("title"), n.getString("body"),
                ChargeLine.instant(n, "n_created_at"), n.getString("n_plate"), n.getString("n_detail"), c));
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(" and ").append(clause).append('$').append(args.size());
        }
    }

    private static List<ChargeLine> lines(RowSet<Row> rows) {
        List<ChargeLine> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(ChargeLine.of(r)));
        return lines;
    }
}
