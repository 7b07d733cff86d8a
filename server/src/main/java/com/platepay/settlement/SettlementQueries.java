package com.platepay.settlement;

import com.platepay.ledger.Ledger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The settlement's reads: the site, its ledger lines of a day, what PlatePay knows of the bank's keys, the closed day. */
@ApplicationScoped
public class SettlementQueries {

    public record SiteRow(UUID id, UUID operatorId, String name, String currency, String timeZone) {
    }

    public record ClosedDay(long fees, Instant closedAt, String closedBy) {
    }

    private final Pool pool;

    public SettlementQueries(Pool pool) {
        this.pool = pool;
    }

    /** The site, when it is the operator's (operatorId null: any site, for admins). */
    public Uni<Optional<SiteRow>> site(UUID operatorId, UUID siteId) {
        return pool.preparedQuery("select id, operator_id, name, currency, time_zone from sites where id = $1 "
                        + "and ($2::uuid is null or operator_id = $2::uuid)").execute(Tuple.of(siteId, operatorId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(siteRow(rows.iterator().next())) : Optional.empty());
    }

    private static SiteRow siteRow(Row r) {
        return new SiteRow(r.getUUID("id"), r.getUUID("operator_id"), r.getString("name"), r.getString("currency"),
                r.getString("time_zone"));
    }

    /** The postings on the acquirer's receivable for the site's charges in [from, to): approvals and refunds. */
    public Uni<List<Reconciliation.LedgerLine>> ledger(UUID siteId, Instant from, Instant to) {
        return pool.preparedQuery("""
                        select p.kind, p.charge_id, p.refund_id, e.amount from ledger_postings p
                        join ledger_entries e on e.posting_id = p.id and e.account = $4
                        join charges c on c.id = p.charge_id
                        where c.site_id = $1 and p.created_at >= $2 and p.created_at < $3""")
                .execute(Tuple.of(siteId, utc(from), utc(to), Ledger.ACQUIRER_RECEIVABLE)).map(rows -> {
                    List<Reconciliation.LedgerLine> lines = new ArrayList<>();
                    rows.forEach(r -> lines.add(new Reconciliation.LedgerLine(r.getString("kind"), r.getUUID("charge_id"),
                            r.getUUID("refund_id"), Math.abs(r.getLong("amount")))));
                    return lines;
                });
    }

    /** The site's charges reversed in [from, to): the money the bank took and gave back, never in the ledger. */
    public Uni<long[]> reversed(UUID siteId, Instant from, Instant to) {
        return pool.preparedQuery("select coalesce(sum(amount), 0) as total, count(*) as n from charges where site_id = $1 "
                        + "and status = 'REVERSED' and updated_at >= $2 and updated_at < $3")
                .execute(Tuple.of(siteId, utc(from), utc(to)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new long[] {r.getLong("total"), r.getLong("n")};
                });
    }

    /** What PlatePay holds of the bank's keys: charges (with the day their approval was posted) and refunds. */
    public Uni<Map<String, Reconciliation.Known>> known(List<String> keys, ZoneId zone) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] array = keys.toArray(String[]::new);
        return pool.preparedQuery("""
                        select c.id::text as key, c.status, (select min(p.created_at) from ledger_postings p
                                where p.charge_id = c.id and p.kind = 'CHARGE_APPROVED') as approved_at
                        from charges c where c.id::text = any($1)
                        union all
                        select r.id::text, r.status, null from refunds r where r.id::text = any($1)""")
                .execute(Tuple.of(array)).map(rows -> {
                    Map<String, Reconciliation.Known> known = new HashMap<>();
                    rows.forEach(r -> {
                        OffsetDateTime at = r.getOffsetDateTime("approved_at");
                        known.put(r.getString("key"), new Reconciliation.Known(r.getString("status"),
                                at == null ? null : LocalDate.ofInstant(at.toInstant(), zone).toString()));
                    });
                    return known;
                });
    }

    public Uni<Optional<ClosedDay>> closed(UUID siteId, LocalDate day) {
        return pool.preparedQuery("select fees, closed_at, closed_by_name from settlement_days where site_id = $1 and business_day = $2")
                .execute(Tuple.of(siteId, day)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new ClosedDay(r.getLong("fees"), r.getOffsetDateTime("closed_at").toInstant(),
                            r.getString("closed_by_name")));
                });
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
