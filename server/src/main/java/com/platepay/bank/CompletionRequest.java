package com.platepay.bank;

/** Takes the hold placed under idempotencyKey for the final amount (at most the hold); the rest is released. */
public record CompletionRequest(String idempotencyKey, long amount) {
}
