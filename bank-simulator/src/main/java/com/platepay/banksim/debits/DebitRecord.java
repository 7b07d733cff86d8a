package com.platepay.banksim.debits;

import com.platepay.banksim.state.StateSnapshot.DebitState;
import java.time.Instant;

/**
 * One debit stored under its idempotency key. Status changes (APPROVED to REVERSED) happen under the
 * account's monitor together with the money movement.
 */
public final class DebitRecord {
    private final String debitId;
    private final String idempotencyKey;
    private final String fingerprint;
    private final String accountId;
    private final String panMasked;
    private final long amount;
    private final String currency;
    private final String merchantId;
    private final String reference;
    private final DebitStatus originalStatus;
    private final DeclineCode declineCode;
    private final String approvalCode;
    private final Instant createdAt;
    private volatile DebitStatus status;
    private volatile Instant reversedAt;

    public DebitRecord(String debitId, String idempotencyKey, String fingerprint, String accountId, String panMasked,
                       long amount, String currency, String merchantId, String reference, DebitStatus originalStatus,
                       DeclineCode declineCode, String approvalCode, Instant createdAt) {
        this.debitId = debitId;
        this.idempotencyKey = idempotencyKey;
        this.fingerprint = fingerprint;
        this.accountId = accountId;
        this.panMasked = panMasked;
        this.amount = amount;
        this.currency = currency;
        this.merchantId = merchantId;
        this.reference = reference;
        this.originalStatus = originalStatus;
        this.status = originalStatus;
        this.declineCode = declineCode;
        this.approvalCode = approvalCode;
        this.createdAt = createdAt;
    }

    public void markReversed(Instant when) {
        status = DebitStatus.REVERSED;
        reversedAt = when;
    }

    public String debitId() {
        return debitId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String accountId() {
        return accountId;
    }

    public String panMasked() {
        return panMasked;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String merchantId() {
        return merchantId;
    }

    public String reference() {
        return reference;
    }

    /** The status the debit was answered with (APPROVED or DECLINED); idempotent replays answer this. */
    public DebitStatus originalStatus() {
        return originalStatus;
    }

    public DebitStatus status() {
        return status;
    }

    public DeclineCode declineCode() {
        return declineCode;
    }

    public String approvalCode() {
        return approvalCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant reversedAt() {
        return reversedAt;
    }

    public DebitState toState() {
        return new DebitState(debitId, idempotencyKey, fingerprint, accountId, panMasked, amount, currency, merchantId,
                reference, status.name(), originalStatus.name(), declineCode == null ? null : declineCode.name(),
                approvalCode, createdAt.toString(), reversedAt == null ? null : reversedAt.toString());
    }

    public static DebitRecord fromState(DebitState s) {
        DebitRecord r = new DebitRecord(s.debitId(), s.idempotencyKey(), s.fingerprint(), s.accountId(), s.panMasked(),
                s.amount(), s.currency(), s.merchantId(), s.reference(), DebitStatus.valueOf(s.originalStatus()),
                s.declineCode() == null ? null : DeclineCode.valueOf(s.declineCode()), s.approvalCode(),
                Instant.parse(s.createdAt()));
        if (DebitStatus.REVERSED.name().equals(s.status())) {
            r.markReversed(s.reversedAt() == null ? null : Instant.parse(s.reversedAt()));
        }
        return r;
    }
}
