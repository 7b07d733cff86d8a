package com.platepay.banksim.holds;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One hold under its idempotency key, as kept in memory and written to the holds journal. HELD funds are not
 * available to other debits or holds; COMPLETED took {@code captured} (a debit under {@link HoldService#completionKey})
 * and released the rest; VOIDED released it all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldRecord(String holdId, String idempotencyKey, String fingerprint, String accountId, String panMasked, long amount,
                         String currency, String merchantId, String reference, HoldStatus status, String declineCode,
                         String approvalCode, Long captured, String createdAt) {

    public enum HoldStatus { HELD, DECLINED, COMPLETED, VOIDED }

    HoldRecord completed(long amount) {
        return new HoldRecord(holdId, idempotencyKey, fingerprint, accountId, panMasked, this.amount, currency, merchantId, reference,
                HoldStatus.COMPLETED, declineCode, approvalCode, amount, createdAt);
    }

    HoldRecord voided() {
        return new HoldRecord(holdId, idempotencyKey, fingerprint, accountId, panMasked, amount, currency, merchantId, reference,
                HoldStatus.VOIDED, declineCode, approvalCode, captured, createdAt);
    }
}
