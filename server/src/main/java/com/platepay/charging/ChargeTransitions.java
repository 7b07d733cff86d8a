package com.platepay.charging;

import com.platepay.platform.ConditionalUpdate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The database side of {@link ChargeStateMachine}: every status change after a charge is first stored is one
 * {@code update ... where id = ? and status = <the state it leaves>}, and tells whether it happened. A writer that
 * lost a race (the bank's late answer against the janitor's reversal, two janitors) changes nothing. Times come from
 * the database's clock only. Must run inside a transaction.
 */
@ApplicationScoped
public class ChargeTransitions {

    /** A move to make, with the columns it sets beside the status. */
    public static final class Move {
        private final UUID chargeId;
        private final ChargeStatus from;
        private final ChargeStatus to;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private Duration nextCheckIn;
        private boolean clearNextCheck;
        private boolean resetAttempts;

        private Move(UUID chargeId, ChargeStatus from, ChargeStatus to) {
            ChargeStateMachine.require(from, to);
            this.chargeId = chargeId;
            this.from = from;
            this.to = to;
        }

        public Move reason(String reasonCode) {
            values.put("reason_code", reasonCode);
            return this;
        }

        public Move approval(String approvalCode, String bankReference) {
            values.put("approval_code", approvalCode);
            values.put("bank_reference", bankReference);
            return this;
        }

        /** The janitor looks at it again this long after the move (by the database's clock). */
        public Move nextCheckIn(Duration delay) {
            nextCheckIn = delay;
            return this;
        }

        public Move noMoreChecks() {
            clearNextCheck = true;
            return this;
        }

        public Move resetAttempts() {
            resetAttempts = true;
            return this;
        }
    }

    /** A charge the janitor now holds, with how many attempts it has had (this one included). */
    public record Claim(UUID chargeId, int attempt) {
    }

    public static Move move(UUID chargeId, ChargeStatus from, ChargeStatus to) {
        return new Move(chargeId, from, to);
    }

    /** True when the charge was in {@code from} and is now in {@code to}; false when it had already moved on. */
    public Uni<Boolean> apply(Move move) {
        ConditionalUpdate update = ConditionalUpdate.of("charges", move.chargeId, move.from, move.to);
        move.values.forEach(update::set);
        if (move.nextCheckIn != null) {
            update.setFromNow("next_check_at", move.nextCheckIn);
        }
        if (move.clearNextCheck) {
            update.setExpression("next_check_at", "null");
        }
        if (move.resetAttempts) {
            update.setExpression("check_attempts", "0");
        }
        return update.apply();
    }

    private static final String CLAIM = """
            update charges set check_attempts = check_attempts + 1,
                   status = case when status = '%1$s' then '%2$s' else status end,
                   reason_code = 'BANK_TIMEOUT',
                   updated_at = now(),
                   next_check_at = now() + interval '1 millisecond' * cast(?1 as bigint)
            where id in (select id from charges
                         where (status = '%2$s' and next_check_at <= now())
                            or (status = '%1$s' and updated_at < now() - interval '1 millisecond' * cast(?2 as bigint))
                         order by next_check_at nulls first
                         limit cast(?3 as integer)
                         for update skip locked)
            returning id, check_attempts""".formatted(ChargeStatus.AUTHORIZING, ChargeStatus.UNKNOWN);

    static {
        // The claim moves charges stuck in AUTHORIZING (their server died before the bank answered) to UNKNOWN.
        ChargeStateMachine.require(ChargeStatus.AUTHORIZING, ChargeStatus.UNKNOWN);
    }

    /**
     * Claims UNKNOWN charges that are due and AUTHORIZING ones older than {@code stuckAfter}, moving the latter to
     * UNKNOWN. A claim holds the charge for {@code lease}: no other sweep (of this or another replica) takes it
     * before that, so the lease must outlast the janitor's work on one charge.
     */
    public Uni<List<Claim>> claimDue(Duration stuckAfter, Duration lease, int batch) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(CLAIM, Object[].class)
                        .setParameter(1, lease.toMillis())
                        .setParameter(2, stuckAfter.toMillis())
                        .setParameter(3, batch)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new Claim((UUID) r[0], ((Number) r[1]).intValue())).toList());
    }

    /** Gives a claimed UNKNOWN charge back to the queue, due again after {@code delay}. Not a status change. */
    public Uni<Boolean> retryLater(UUID chargeId, Duration delay) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update charges set next_check_at = now() + interval '1 millisecond' * cast(?1 as bigint), updated_at = now()
                        where id = ?2 and status = ?3""")
                        .setParameter(1, delay.toMillis()).setParameter(2, chargeId).setParameter(3, ChargeStatus.UNKNOWN.name())
                        .executeUpdate())
                .map(rows -> rows == 1);
    }
}
