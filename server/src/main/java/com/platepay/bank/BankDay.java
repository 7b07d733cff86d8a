package com.platepay.bank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The bank's own record of one merchant's business day (its settlement file): approved debits, reversals and refunds,
 * each under the idempotency key PlatePay sent (a charge's id for debits and reversals, a refund's id for refunds).
 */
public record BankDay(String merchantId, LocalDate date, String zone, List<Line> lines) {

    public enum Type { DEBIT, REVERSAL, REFUND }

    /** {@code debitKey}: for a REFUND, the key of the debit it refunds. */
    public record Line(Type type, String key, String debitKey, long amount, String currency, Instant at, String bankReference) {
    }
}
