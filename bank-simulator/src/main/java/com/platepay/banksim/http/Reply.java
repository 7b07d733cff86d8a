package com.platepay.banksim.http;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON answer; {@code delayMs} holds it back after processing (the TIMEOUT_AFTER_PROCESSING fault). */
public record Reply(int status, JsonNode body, long delayMs) {
    public static Reply of(int status, JsonNode body) {
        return new Reply(status, body, 0);
    }

    public static Reply ok(JsonNode body) {
        return of(200, body);
    }

    public Reply delayed(long millis) {
        return new Reply(status, body, millis);
    }
}
