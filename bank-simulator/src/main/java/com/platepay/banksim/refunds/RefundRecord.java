package com.platepay.banksim.refunds;

import com.platepay.banksim.state.StateSnapshot.RefundState;
import java.time.Instant;

/**
 * One refund stored under the client's idempotency key: money given back to the card of an approved debit.
 * A declined refund is stored too, so a repeat of its key gets the same answer.
 */
public record RefundRecord(String refundId, String idempotencyKey, String debitKey, String accountId, String merchantId,
                           long amount, String currency, String reference, Status status, String declineCode,
                           Instant createdAt) {

    public enum Status { SUCCEEDED, DECLINED }

    RefundState toState() {
        return new RefundState(refundId, idempotencyKey, debitKey, accountId, merchantId, amount, currency, reference, status.name(),
                declineCode, createdAt.toString());
    }

    static RefundRecord fromState(RefundState s) {
        return new RefundRecord(s.refundId(), s.idempotencyKey(), s.debitKey(), s.accountId(), s.merchantId(), s.amount(), s.currency(),
                s.reference(), Status.valueOf(s.status()), s.declineCode(), Instant.parse(s.createdAt()));
    }

    /** Whether a repeat of the key asks for the same refund (same debit, same amount). */
    boolean sameRequest(String otherDebitKey, long otherAmount) {
        return debitKey.equals(otherDebitKey) && amount == otherAmount;
    }
}
