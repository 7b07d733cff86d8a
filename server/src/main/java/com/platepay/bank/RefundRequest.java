package com.platepay.bank;

/**
 * A refund of (part of) an approved debit. {@code idempotencyKey} is the refund's own key, never the debit's, so a
 * repeat of one refund is safe and two refunds of one debit are two refunds. {@code debitKey} names the debit.
 */
public record RefundRequest(String idempotencyKey, String debitKey, long amount, String currency, String reference) {
}
