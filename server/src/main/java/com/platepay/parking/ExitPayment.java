package com.platepay.parking;

import com.platepay.charging.Charge;
import com.platepay.charging.ChargeService;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Debits a priced session through the charging core (category PARKING), then records the outcome on the session
 * in its own transaction, conditional on the session still being in CHARGING. A declined debit follows the lot's
 * policy: open and record arrears, or keep the barrier closed.
 */
@ApplicationScoped
public class ExitPayment {

    private static final Logger LOG = Logger.getLogger(ExitPayment.class);

    private final ChargeService charges;
    private final SessionTransitions transitions;

    public ExitPayment(ChargeService charges, SessionTransitions transitions) {
        this.charges = charges;
        this.transitions = transitions;
    }

    Uni<LaneDecision> pay(Step.Debit debit) {
        return charges.admit(debit.command())
                .flatMap(admission -> admission instanceof ChargeService.Admission.Authorizing a
                        ? charges.complete(a)
                        : Uni.createFrom().item(((ChargeService.Admission.Answered) admission).result()))
                .flatMap(result -> Panache.withTransaction(() -> settle(debit, result)));
    }

    private Uni<LaneDecision> settle(Step.Debit debit, ChargeResult result) {
        if (result.status() == ResultStatus.REJECTED) {
            // Not an answer about the money: IN_PROGRESS (a copy of this attempt is still at the bank; its answer
            // settles the session) or a refusal of this request. Only the charge's own outcome may move the
            // session, or a debit the bank approves could find the stay already marked unpaid and be asked again.
            if (!ReasonCodes.IN_PROGRESS.equals(result.reasonCode())) {
                LOG.errorf("parking session %s: the charging core refused its debit request (%s); the session stays CHARGING",
                        debit.sessionId(), result.reasonCode());
            }
            return session(debit).map(s -> LaneDecision.of(Decisions.IN_PROGRESS, Decisions.text(Decisions.IN_PROGRESS, s), s));
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
            ready = to == SessionStatus.ARREARS ? debtor(debit).map(driver -> driver == null ? move : move.set("driver_id", driver))
                    : Uni.createFrom().item(move);
        }
        return ready.flatMap(transitions::apply).flatMap(moved -> session(debit)).flatMap(s -> {
            String decision = debit.carIsOut() ? Decisions.OFFLINE_RECORDED : Decisions.of(s.status);
            return PlateReadRecord.update("decision = ?1 where sessionId = ?2 and decision = ?3", decision, s.id, Decisions.CHARGING)
                    .map(ignored -> LaneDecision.of(decision, Decisions.text(decision, s), s));
        });
    }

    /** The driver whose card this attempt tried (none when no mandate named one): arrears are theirs to see and settle. */
    private static Uni<UUID> debtor(Step.Debit debit) {
        return Charge.<Charge>find("deviceId = ?1 and chargeRef = ?2", debit.command().deviceId(), debit.command().chargeRef())
                .firstResult().map(c -> c == null ? null : c.driverId);
    }

    private static Uni<ParkingSession> session(Step.Debit debit) {
        return ParkingSession.findById(debit.sessionId());
    }
}
