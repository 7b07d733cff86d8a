package com.platepay.refunds;

import static com.platepay.refunds.RefundStatus.FAILED;
import static com.platepay.refunds.RefundStatus.REQUESTED;
import static com.platepay.refunds.RefundStatus.SENT;
import static com.platepay.refunds.RefundStatus.SUCCEEDED;
import static com.platepay.refunds.RefundStatus.UNKNOWN;

import com.platepay.audit.Actor;
import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditedResource;
import com.platepay.ledger.Ledger;
import com.platepay.notifications.DriverNotice;
import com.platepay.notifications.DriverNotifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The refunds' writes, each a conditional update on the state it leaves, together (in one transaction) with what must
 * commit with it: the reservation on the charge, the audit line, the ledger posting and the driver's notice.
 * Plain SQL on the reactive client, like charging.ChargeStore: nothing here loads or changes another part's entities.
 */
@ApplicationScoped
public class RefundStore {

    /** The one guard against over-refunding: conditional on APPROVED and on the room left, in the same statement. */
    private static final String RESERVE = """
            with scoped as (
                select c.id, s.operator_id from charges c join sites s on s.id = c.site_id
                where c.id = $1 and ($2::uuid is null or s.operator_id = $2::uuid)),
            reserved as (
                update charges c set refunded = c.refunded + $3 from scoped
                where c.id = scoped.id and c.status = 'APPROVED' and c.refunded + $3 <= c.amount
                returning c.id, c.site_id, c.currency, scoped.operator_id)
            insert into refunds (id, charge_id, site_id, operator_id, amount, currency, reason, status,
                                 requested_by_subject, requested_by_name, requested_by_role)
            select $4, id, site_id, operator_id, $3, currency, $5, 'REQUESTED', $6, $7, $8 from reserved
            returning *""";

    private static final String WHY_NOT = """
            select c.status, c.amount, c.refunded from charges c join sites s on s.id = c.site_id
            where c.id = $1 and ($2::uuid is null or s.operator_id = $2::uuid)""";

    private static final String SEND = """
            update refunds set status = 'SENT', attempts = attempts + 1, updated_at = now()
            where id = $1 and status = $2 returning *""";

    private static final String SUCCEED = """
            with moved as (
                update refunds set status = 'SUCCEEDED', bank_reference = $2, failure_code = null, updated_at = now()
                where id = $1 and status = 'SENT' returning *),
            posting as (
                insert into ledger_postings (id, charge_id, kind, refund_id)
                select gen_random_uuid(), charge_id, 'REFUND', id from moved returning id),
            entries as (
                insert into ledger_entries (posting_id, account, amount, currency)
                select posting.id, e.account, e.amount * moved.amount, moved.currency
                from posting, moved, (values ($3::varchar, 1), ($4::varchar, -1)) as e (account, amount))
            select * from moved""";

    private static final String FAIL = """
            with moved as (
                update refunds set status = 'FAILED', failure_code = $2, updated_at = now()
                where id = $1 and status = 'SENT' returning *),
            released as (
                update charges c set refunded = c.refunded - moved.amount from moved
                where c.id = moved.charge_id and c.refunded >= moved.amount)
            select * from moved""";

    private static final String LOST = """
            update refunds set status = 'UNKNOWN', failure_code = $2, updated_at = now()
            where id = $1 and status = 'SENT' returning *""";

    private static final String AUDIT = """
            insert into audit_events (at, actor_subject, actor_name, actor_role, action, resource_type, resource_id, detail)
            values (now(), $1, $2, $3, $4, $5, $6, $7)""";

    private static final String TELL = """
            insert into notifications (id, driver_id, charge_id, kind, title, body, plate, detail)
            select gen_random_uuid(), c.driver_id, c.id, $2, $3, $4, c.plate, $5 from charges c
            where c.id = $1 and c.driver_id is not null""";

    private static final String CHARGE_FOR_NOTICE = "select driver_id, plate, masked_card from charges where id = $1";

    /** A refund left SENT when the server stopped mid-call (a live call is bounded far below {@code $1}). */
    private static final String ABANDONED = """
            update refunds set status = 'UNKNOWN', failure_code = 'ANSWER_LOST', updated_at = now()
            where status = 'SENT' and updated_at < now() - interval '1 second' * $1 returning *""";

    private static final String DUE = """
            select * from refunds where status in ('UNKNOWN', 'REQUESTED') and updated_at < now() - interval '1 second' * $1
              and attempts < $2 order by updated_at limit $3""";

    static {
        RefundStateMachine.require(REQUESTED, SENT);
        RefundStateMachine.require(UNKNOWN, SENT);
        RefundStateMachine.require(SENT, SUCCEEDED);
        RefundStateMachine.require(SENT, FAILED);
        RefundStateMachine.require(SENT, UNKNOWN);
    }

    private final Pool pool;

    public RefundStore(Pool pool) {
        this.pool = pool;
    }

    /** Why a reservation found no room: the charge is missing (or not the operator's), not APPROVED, or too little is left. */
    public sealed interface Reservation {
        record Reserved(Refund refund) implements Reservation {
        }

        record NoSuchCharge() implements Reservation {
        }

        record NotRefundable(String chargeStatus) implements Reservation {
        }

        record TooMuch(long amount, long refunded) implements Reservation {
        }
    }

    /** Reserves the amount on the charge and stores the refund as REQUESTED, audited; {@code operatorId} null for an admin. */
    Uni<Reservation> reserve(UUID refundId, UUID chargeId, UUID operatorId, long amount, String reason, Actor actor) {
        Tuple args = Tuple.from(Arrays.asList(chargeId, operatorId, amount, refundId, reason, actor.subject(), actor.name(), actor.role()));
        return pool.withTransaction(conn -> conn.preparedQuery(RESERVE).execute(args).flatMap(rows -> {
            if (rows.iterator().hasNext()) {
                Refund refund = Refund.of(rows.iterator().next());
                return audit(conn, actor, AuditAction.REFUND_REQUESTED, refund,
                        "charge " + chargeId + ": " + amount + " " + refund.currency() + ": " + reason)
                        .replaceWith((Reservation) new Reservation.Reserved(refund));
            }
            return conn.preparedQuery(WHY_NOT).execute(Tuple.of(chargeId, operatorId)).map(found -> {
                if (!found.iterator().hasNext()) {
                    return new Reservation.NoSuchCharge();
                }
                Row c = found.iterator().next();
                return "APPROVED".equals(c.getString("status"))
                        ? new Reservation.TooMuch(c.getLong("amount"), c.getLong("refunded"))
                        : new Reservation.NotRefundable(c.getString("status"));
            });
        }));
    }

    /** REQUESTED or UNKNOWN to SENT; empty when another caller moved it first. */
    Uni<Optional<Refund>> send(UUID refundId, RefundStatus from) {
        return pool.preparedQuery(SEND).execute(Tuple.of(refundId, from.name())).map(RefundStore::first);
    }

    /** SENT to SUCCEEDED with the ledger posting (we owe the operator less; the acquirer owes us less) and the driver told. */
    Uni<Optional<Refund>> succeed(Refund refund, String bankReference, Actor actor) {
        return pool.withTransaction(conn -> conn.preparedQuery(SUCCEED)
                .execute(Tuple.of(refund.id(), bankReference, Ledger.operatorPayable(refund.operatorId()), Ledger.ACQUIRER_RECEIVABLE))
                .map(RefundStore::first)
                .call(moved -> moved.isEmpty() ? Uni.createFrom().voidItem()
                        : audit(conn, actor, AuditAction.REFUND_SUCCEEDED, moved.get(), "bank reference " + bankReference)
                        .flatMap(x -> tell(conn, moved.get()))));
    }

    /** SENT to FAILED, with the reservation given back to the charge. */
    Uni<Optional<Refund>> fail(Refund refund, String code, Actor actor) {
        return pool.withTransaction(conn -> conn.preparedQuery(FAIL).execute(Tuple.of(refund.id(), code)).map(RefundStore::first)
                .call(moved -> moved.isEmpty() ? Uni.createFrom().voidItem()
                        : audit(conn, actor, AuditAction.REFUND_FAILED, moved.get(), code)));
    }

    /** SENT to UNKNOWN: the reservation stays until the bank's answer is known. */
    Uni<Optional<Refund>> lost(Refund refund, String why, Actor actor) {
        String code = why.length() > 40 ? why.substring(0, 40) : why;
        return pool.withTransaction(conn -> conn.preparedQuery(LOST).execute(Tuple.of(refund.id(), code)).map(RefundStore::first)
                .call(moved -> moved.isEmpty() ? Uni.createFrom().voidItem()
                        : audit(conn, actor, AuditAction.REFUND_UNKNOWN, moved.get(), why)));
    }

    /** SENT for longer than any call lasts, to UNKNOWN (its answer was lost); how many. */
    Uni<Integer> abandoned(long olderThanSeconds) {
        return pool.preparedQuery(ABANDONED).execute(Tuple.of(olderThanSeconds)).map(RowSet::rowCount);
    }

    /** Refunds to send again: UNKNOWN (or left REQUESTED) for a while, with attempts left. */
    Uni<List<Refund>> due(long olderThanSeconds, int maxAttempts, int limit) {
        return pool.preparedQuery(DUE).execute(Tuple.of(olderThanSeconds, maxAttempts, limit)).map(rows -> {
            List<Refund> out = new ArrayList<>();
            rows.forEach(r -> out.add(Refund.of(r)));
            return out;
        });
    }

    Uni<Void> audit(SqlConnection conn, Actor actor, AuditAction action, Refund refund, String detail) {
        return conn.preparedQuery(AUDIT).execute(Tuple.from(Arrays.asList(actor.subject(), actor.name(), actor.role(), action.name(),
                AuditedResource.REFUND.name(), refund.id(), detail))).replaceWithVoid();
    }

    private Uni<Void> tell(SqlConnection conn, Refund refund) {
        return conn.preparedQuery(CHARGE_FOR_NOTICE).execute(Tuple.of(refund.chargeId())).flatMap(rows -> {
            Row c = rows.iterator().next();
            if (c.getUUID("driver_id") == null) {
                return Uni.createFrom().voidItem();
            }
            DriverNotifier.Text text = DriverNotifier.text(new DriverNotice(c.getUUID("driver_id"), refund.chargeId(),
                    DriverNotice.Kind.CHARGE_REFUNDED, c.getString("plate"), refund.amount(), refund.currency(),
                    c.getString("masked_card"), null));
            return conn.preparedQuery(TELL).execute(Tuple.from(Arrays.asList(refund.chargeId(), text.kind(), text.title(), text.body(),
                    String.valueOf(refund.amount())))).replaceWithVoid();
        });
    }

    /** Refunds of one charge (or of every charge of a site, or all), newest first; scoped to the operator when given. */
    public Uni<List<Refund>> list(UUID operatorId, UUID chargeId, UUID siteId, RefundStatus status, int limit) {
        StringBuilder sql = new StringBuilder("select * from refunds where true");
        List<Object> args = new ArrayList<>();
        where(sql, args, "operator_id", operatorId);
        where(sql, args, "charge_id", chargeId);
        where(sql, args, "site_id", siteId);
        where(sql, args, "status", status == null ? null : status.name());
        sql.append(" order by created_at desc limit ").append(limit);
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Refund> out = new ArrayList<>();
            rows.forEach(r -> out.add(Refund.of(r)));
            return out;
        });
    }

    public Uni<Optional<Refund>> find(UUID operatorId, UUID refundId) {
        return pool.preparedQuery("select * from refunds where id = $1 and ($2::uuid is null or operator_id = $2::uuid)")
                .execute(Tuple.of(refundId, operatorId)).map(RefundStore::first);
    }

    private static void where(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            args.add(value);
            sql.append(" and ").append(column).append(" = $").append(args.size());
        }
    }

    private static Optional<Refund> first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(Refund.of(rows.iterator().next())) : Optional.empty();
    }
}
