package com.platepay.vault;

/** A hold (pre-authorisation) as holds asks for it: everything but the card, which the vault adds. */
public record HoldOrder(String idempotencyKey, long amount, String currency, String merchantId, String reference) {
}
