package com.platepay.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Every message on every topic: {@code {v, id, type, deviceId, siteId, seq, sentAt, body, sig}}.
 *
 * <p>{@code id} is a fresh message id (UUIDv7 or ULID); {@code seq} grows per sender; {@code sentAt} is written as
 * UTC with exactly three fraction digits ({@code 2026-11-23T09:00:00.123Z}) so every language re-creates the same
 * signed bytes; {@code sig} is the Ed25519 signature over the canonical JSON of the envelope without {@code sig}
 * (see {@link EnvelopeSigner}). For messages the server sends, deviceId and siteId name the device addressed.
 */
@JsonPropertyOrder({"v", "id", "type", "deviceId", "siteId", "seq", "sentAt", "body", "sig"})
public record Envelope(int v, String id, String type, String deviceId, String siteId, long seq, Instant sentAt,
                       JsonNode body, String sig) {

    public static final int VERSION = 1;

    public Envelope withSig(String sig) {
        return new Envelope(v, id, type, deviceId, siteId, seq, sentAt, body, sig);
    }

    public Envelope withoutSig() {
        return withSig(null);
    }
}
