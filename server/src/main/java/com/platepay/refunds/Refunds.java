package com.platepay.refunds;

import com.platepay.audit.Actor;
import com.platepay.bank.AcquirerPort;
import com.platepay.bank.RefundOutcome;
import com.platepay.bank.RefundRequest;
import com.platepay.platform.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Refunds, full or partial, of an approved charge. The amount is reserved on the charge first (one conditional
 * update, so concurrent refunds cannot exceed it), the refund is persisted before the bank is called (persist before
 * you call the bank), and the bank's answer moves it on: SUCCEEDED with the ledger posting and the driver's notice,
 * FAILED with the reservation given back, or UNKNOWN, to be sent again under the same idempotency key.
 */
@ApplicationScoped
public class Refunds {

    private final RefundStore store;
    private final AcquirerPort bank;

    public Refunds(RefundStore store, AcquirerPort bank) {
        this.store = store;
        this.bank = bank;
    }

    /** @param operatorId the caller's organisation; null for platform staff, who may refund any charge */
    public Uni<Refund> refund(UUID operatorId, UUID chargeId, long amount, String reason, Actor actor) {
        if (amount <= 0) {
            throw ApiException.badRequest("INVALID_AMOUNT", "amount is a positive number of minor units");
        }
        return store.reserve(UUID.randomUUID(), chargeId, operatorId, amount, reason, actor).flatMap(r -> {
            if (r instanceof RefundStore.Reservation.Reserved reserved) {
                return send(reserved.refund(), RefundStatus.REQUESTED, actor);
            }
            if (r instanceof RefundStore.Reservation.NotRefundable not) {
                throw ApiException.conflict("CHARGE_NOT_REFUNDABLE", "only an APPROVED charge can be refunded; this one is "
                        + not.chargeStatus());
            }
            if (r instanceof RefundStore.Reservation.TooMuch much) {
                throw ApiException.conflict("REFUND_EXCEEDS_CHARGE",
                        "at most " + (much.amount() - much.refunded()) + " of " + much.amount() + " is left to refund");
            }
            throw ApiException.notFound("charge");
        });
    }

    /** Sends an UNKNOWN refund (or one left REQUESTED) again, under its own key: the bank answers it once. */
    public Uni<Refund> retry(UUID operatorId, UUID refundId, Actor actor) {
        return store.find(operatorId, refundId).flatMap(found -> {
            Refund refund = found.orElseThrow(() -> ApiException.notFound("refund"));
            if (refund.status() != RefundStatus.UNKNOWN && refund.status() != RefundStatus.REQUESTED) {
                throw ApiException.conflict("REFUND_NOT_RETRYABLE", "only an UNKNOWN refund is sent again; this one is " + refund.status());
            }
            return send(refund, refund.status(), actor);
        });
    }

    private Uni<Refund> send(Refund refund, RefundStatus from, Actor actor) {
        return store.send(refund.id(), from).flatMap(sent -> {
            if (sent.isEmpty()) {
                throw ApiException.conflict("REFUND_CHANGED", "the refund changed meanwhile; look at it again");
            }
            RefundRequest request = new RefundRequest(refund.id().toString(), refund.chargeId().toString(), refund.amount(),
                    refund.currency(), "PlatePay refund " + refund.id());
            return bank.refund(request).flatMap(outcome -> settle(sent.get(), outcome, actor));
        });
    }

    private Uni<Refund> settle(Refund sent, RefundOutcome outcome, Actor actor) {
        Uni<Optional<Refund>> moved;
        if (outcome instanceof RefundOutcome.Succeeded ok) {
            moved = store.succeed(sent, ok.bankReference(), actor);
        } else if (outcome instanceof RefundOutcome.Declined no) {
            moved = store.fail(sent, no.declineCode(), actor);
        } else if (outcome instanceof RefundOutcome.NotSupported) {
            moved = store.fail(sent, "REFUND_NOT_SUPPORTED", actor);
        } else {
            moved = store.lost(sent, "BANK_TIMEOUT", actor);
        }
        return moved.flatMap(m -> m.isPresent() ? Uni.createFrom().item(m.get())
                : store.find(null, sent.id()).map(Optional::orElseThrow));
    }
}
