package com.platepay.bank;

/** A hold (authorisation) to place. {@link #toString()} hides the card number so the request can appear in logs. */
public record HoldRequest(String idempotencyKey, String pan, int expiryMonth, int expiryYear, long amount, String currency,
                          String merchantId, String reference) {
    @Override
    public String toString() {
        return "HoldRequest[" + idempotencyKey + ", " + amount + " " + currency + ", merchant " + merchantId + "]";
    }
}
