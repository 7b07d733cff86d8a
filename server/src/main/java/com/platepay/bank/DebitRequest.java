package com.platepay.bank;

/** A debit to send. {@link #toString()} hides the card number so the request can appear in logs. */
public record DebitRequest(String idempotencyKey, String pan, int expiryMonth, int expiryYear, long amount, String currency,
                           String merchantId, String reference) {
    @Override
    public String toString() {
        return "DebitRequest[" + idempotencyKey + ", " + amount + " " + currency + ", merchant " + merchantId + "]";
    }
}
