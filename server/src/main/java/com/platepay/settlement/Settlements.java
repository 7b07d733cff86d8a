package com.platepay.settlement;

import com.platepay.audit.Actor;
import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditedResource;
import com.platepay.bank.AcquirerPort;
import com.platepay.bank.BankDay;
import com.platepay.ledger.Ledger;
import com.platepay.platform.ApiException;
import com.platepay.platform.PlatePayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A site's daily settlement: the day's totals from the ledger, reconciled line by line against the bank's settlement
 * file, and the closing of the day, which is allowed only once the day is over and nothing differs. Closing posts
 * the platform's fee to the ledger (the operator's payable, to the platform's fee income).
 */
@ApplicationScoped
public class Settlements {

    public static final String PLATFORM_FEES = "platform:fees";

    private final SettlementQueries queries;
    private final AcquirerPort bank;
    private final Pool pool;
    private final ZoneId defaultZone;
    private final long feeBasisPoints;

    public Settlements(SettlementQueries queries, AcquirerPort bank, Pool pool, PlatePayConfig config) {
        this.queries = queries;
        this.bank = bank;
        this.pool = pool;
        this.defaultZone = config.charging().businessZone();
        this.feeBasisPoints = config.settlement().feeBasisPoints();
    }

    /** @param operatorId the caller's organisation; null for admins (any site) */
    public Uni<SettlementReport> report(UUID operatorId, UUID siteId, LocalDate day) {
        return queries.site(operatorId, siteId).flatMap(found -> {
            SettlementQueries.SiteRow site = found.orElseThrow(() -> ApiException.notFound("site"));
            ZoneId zone = site.timeZone() == null ? defaultZone : ZoneId.of(site.timeZone());
            Instant from = day.atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
            Uni<BankDay> file = bank.settlementFile(siteId.toString(), day, zone)
                    .onFailure().transform(e -> new ApiException(503, "BANK_FILE_UNAVAILABLE",
                            "the bank's settlement file could not be read: " + e.getMessage()));
            return Uni.combine().all().unis(queries.ledger(siteId, from, to), queries.reversed(siteId, from, to), file,
                            queries.closed(siteId, day)).asTuple()
                    .flatMap(t -> queries.known(t.getItem3().lines().stream()
                                    .map(BankDay.Line::key).distinct().toList(), zone)
                            .map(known -> build(site, day, zone, from, to, t.getItem1(), t.getItem2(), t.getItem3(),
                                    Reconciliation.reconcile(t.getItem1(), t.getItem3(), known), t.getItem4().orElse(null))));
        });
    }

    private SettlementReport build(SettlementQueries.SiteRow site, LocalDate day, ZoneId zone, Instant from, Instant to,
                                   List<Reconciliation.LedgerLine> ledger, long[] reversed, BankDay file,
                                   List<Reconciliation.ReconciledItem> items, SettlementQueries.ClosedDay closed) {
        long approved = ledger.stream().filter(l -> l.refundId() == null).mapToLong(Reconciliation.LedgerLine::amount).sum();
        int approvedCount = (int) ledger.stream().filter(l -> l.refundId() == null).count();
        long refunded = ledger.stream().filter(l -> l.refundId() != null).mapToLong(Reconciliation.LedgerLine::amount).sum();
        int refundedCount = ledger.size() - approvedCount;
        long fees = closed != null ? closed.fees() : fee(approved - refunded);
        SettlementReport.BankTotals bankTotals = new SettlementReport.BankTotals(total(file, BankDay.Type.DEBIT),
                total(file, BankDay.Type.REVERSAL), total(file, BankDay.Type.REFUND), file.lines().size());
        int differences = (int) items.stream().filter(i -> i.outcome().difference()).count();
        return new SettlementReport(site.id(), site.operatorId(), site.name(), day, zone.getId(), from, to, site.currency(),
                new SettlementReport.LedgerTotals(approved, approvedCount, refunded, refundedCount, reversed[0], (int) reversed[1]),
                bankTotals, fees, approved - refunded - fees, differences == 0, items.size() - differences, differences,
                !to.isAfter(Instant.now()), closed == null ? "OPEN" : "CLOSED", closed == null ? null : closed.closedAt(),
                closed == null ? null : closed.closedBy(), items);
    }

    /** The platform's fee on the day's net takings, rounded half up to the minor unit. */
    long fee(long net) {
        return net <= 0 ? 0 : (net * feeBasisPoints + 5_000) / 10_000;
    }

    private static long total(BankDay file, BankDay.Type type) {
        return file.lines().stream().filter(l -> l.type() == type).mapToLong(BankDay.Line::amount).sum();
    }

    /** Closes the day: only once it is over, only when it reconciles, and only once (a conditional insert). */
    public Uni<SettlementReport> close(UUID operatorId, UUID siteId, LocalDate day, Actor actor) {
        return report(operatorId, siteId, day).flatMap(report -> {
            if ("CLOSED".equals(report.status())) {
                throw ApiException.conflict("DAY_ALREADY_CLOSED", "this day was closed " + report.closedAt());
            }
            if (!report.dayOver()) {
                throw ApiException.conflict("DAY_NOT_OVER", "the site's day ends at " + report.to() + "; close it after that");
            }
            if (!report.reconciled()) {
                throw ApiException.conflict("DAY_NOT_RECONCILED", report.differences() + " line(s) differ from the bank's file;"
                        + " explain and settle them first");
            }
            UUID id = UUID.randomUUID();
            return pool.withTransaction(conn -> conn.preparedQuery("""
                            insert into settlement_days (id, site_id, business_day, time_zone, status, currency, approved, refunded,
                                                         reversed, fees, net, matched_lines, closed_by_subject, closed_by_name)
                            values ($1, $2, $3, $4, 'CLOSED', $5, $6, $7, $8, $9, $10, $11, $12, $13)
                            on conflict (site_id, business_day) do nothing returning id""")
                    .execute(Tuple.from(Arrays.asList(id, siteId, day, report.timeZone(), report.currency(), report.ledger().approved(),
                            report.ledger().refunded(), report.ledger().reversed(), report.fees(), report.net(), report.matched(),
                            actor.subject(), actor.name())))
                    .flatMap(rows -> {
                        if (!rows.iterator().hasNext()) {
                            throw ApiException.conflict("DAY_ALREADY_CLOSED", "someone closed this day meanwhile");
                        }
                        Uni<Void> posted = report.fees() == 0 ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                                        with posting as (insert into ledger_postings (id, kind) values (gen_random_uuid(), 'SETTLEMENT_FEE')
                                                         returning id)
                                        insert into ledger_entries (posting_id, account, amount, currency)
                                        select posting.id, e.account, e.amount, $3 from posting,
                                               (values ($1::varchar, $4::bigint), ($2::varchar, -$4::bigint)) as e (account, amount)""")
                                .execute(Tuple.of(Ledger.operatorPayable(report.operatorId()), PLATFORM_FEES, report.currency(),
                                        report.fees())).replaceWithVoid();
                        return posted.flatMap(x -> conn.preparedQuery("""
                                        insert into audit_events (at, actor_subject, actor_name, actor_role, action, resource_type,
                                                                  resource_id, detail) values (now(), $1, $2, $3, $4, $5, $6, $7)""")
                                .execute(Tuple.from(Arrays.asList(actor.subject(), actor.name(), actor.role(),
                                        AuditAction.SETTLEMENT_DAY_CLOSED.name(), AuditedResource.SETTLEMENT_DAY.name(), id,
                                        "site " + siteId + " " + day + ": net " + report.net() + " " + report.currency()
                                                + ", fee " + report.fees()))));
                    }))
                    .flatMap(x -> report(operatorId, siteId, day));
        });
    }
}
