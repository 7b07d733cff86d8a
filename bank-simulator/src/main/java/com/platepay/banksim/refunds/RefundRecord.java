package com.platepay.banksim.refunds;

import java.time.Instant;

/**
 * One refund stored under the client's idempotency key: money given back to the card of an approved debit.
 * A declined refund is stored too, so a repeat of its key gets the same answer.
 */
public record RefundRecord(String refundId, String idempotencyKey, String debitKey, String accountId, String merchantId,
                           long amount, String currency, String reference, Status status, String declineCode,
                           Instant createdAt) {

    public enum Status { SUCCEEDED, DECLINED }

    /** Whether a repeat of the key asks for the same refund (same debit, same amount). */
    boolean sameRequest(String otherDebitKey, long otherAmount) {
        return debitKey.equals(otherDebitKey) && amount == otherAmount;
    }
}
