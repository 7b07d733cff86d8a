package com.platepay.parking;

import com.platepay.charging.ChargeService;
import com.platepay.platform.StageTimers;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Debits a priced session through the charging core (category PARKING), then records the outcome on the session
 * conditional on the session still being in CHARGING. A declined debit follows the lot's
 * policy: open and record arrears, or keep the barrier closed.
 */
@ApplicationScoped
public class ExitPayment {

    private static final Logger LOG = Logger.getLogger(ExitPayment.class);

    private final ChargeService charges;
    private final StageTimers stages;
    private final Pool db;

    public ExitPayment(ChargeService charges, StageTimers stages, Pool db) {
        this.charges = charges;
        this.stages = stages;
        this.db = db;
    }

    Uni<LaneDecision> pay(Step.Debit debit) {
        return charges.admit(debit.command())
                .flatMap(admission -> admission instanceof ChargeService.Admission.Authorizing a
                        ? charges.complete(a)
                        : Uni.createFrom().item(((ChargeService.Admission.Answered) admission).result()))
                .flatMap(result -> stages.time("parking.settle", () -> settle(debit, result)));
    }

    /**
     * Two statements without a transaction: the session's conditional move, then the reads that started the debit
     * take its outcome as their decision. A crash between them leaves a read saying CHARGING of a settled session,
     * which a copy of the read answers from the session (ParkingService.replay).
     */
    private Uni<LaneDecision> settle(Step.Debit debit, ChargeResult result) {
        if (result.status() == ResultStatus.REJECTED) {
            // Not an answer about the money: IN_PROGRESS (a copy of this attempt is still at the bank; its answer
            // settles the session) or a refusal of this request. Only the charge's own outcome may move the
            // session, or a debit the bank approves could find the stay already marked unpaid and be asked again.
            if (!ReasonCodes.IN_PROGRESS.equals(result.reasonCode())) {
                LOG.errorf("parking session %s: the charging core refused its debit request (%s); the session stays CHARGING",
                        debit.sessionId(), result.reasonCode());
            }
            return LaneReadStore.session(db, debit.sessionId())
                    .map(s -> LaneDecision.of(Decisions.IN_PROGRESS, Decisions.text(Decisions.IN_PROGRESS, s), s));
        }
        boolean approved = result.status() == ResultStatus.APPROVED;
        SessionStatus to = approved ? SessionStatus.PAID
                : debit.carIsOut() || debit.policy() == ParkingLot.DeclinePolicy.OPEN_ARREARS ? SessionStatus.ARREARS : SessionStatus.UNPAID;
        var move = SessionTransitions.move(debit.sessionId(), SessionStatus.CHARGING, to);
        Uni<SessionTransitions.Move> ready;
        if (approved) {
            ready = Uni.createFrom().item(move.set("paid_at", Instant.now()));
        } else {
            move.set("review_reason", result.reasonCode());
            LOG.infof("parking session %s: debit declined (%s); now %s", debit.sessionId(), result.reasonCode(), to);
            // The driver whose card this attempt tried sees the arrears and may settle them.
            ready = to == SessionStatus.ARREARS
                    ? charges.driverOf(debit.command().deviceId(), debit.command().chargeRef())
                            .map(driver -> driver.map(d -> move.set("driver_id", d)).orElse(move))
                    : Uni.createFrom().item(move);
        }
        return ready.flatMap(m -> LaneReadStore.move(db, m))
                .flatMap(moved -> moved.isPresent() ? Uni.createFrom().item(moved.get()) : LaneReadStore.session(db, debit.sessionId()))
                .flatMap(s -> {
                    String decision = debit.carIsOut() ? Decisions.OFFLINE_RECORDED : Decisions.of(s.status);
                    return LaneReadStore.decided(db, s.id, decision).map(ignored -> LaneDecision.of(decision, Decisions.text(decision, s), s));
                });
    }
}
