package com.platepay.vault;

/** A debit as charging asks for it: everything but the card, which the vault adds. */
public record DebitOrder(String idempotencyKey, long amount, String currency, String merchantId, String reference) {
}
