package com.platepay.protocol.offline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An offline fill's promise to pay, made and signed by the handheld when it could not reach the server, and the body
 * of a {@code voucher} message when it uploads it.
 *
 * <p>{@code counter} is the device's own voucher number: 1, 2, 3, ... from a durable counter, never reused and never
 * derived from the clock, so {@code (deviceId, counter)} names one voucher for good and orders them even when the
 * device clock jumps ({@code capturedAt} is only what the device clock said). {@code sig} is the device key's Ed25519
 * signature (base64url, no padding) over the canonical JSON of this object without {@code sig}: the voucher stays
 * verifiable however late, and however many times, it is uploaded. {@code allowListVersion} names the list the device
 * decided on.
 */
public record Voucher(
        @JsonProperty(value = "deviceId", required = true) String deviceId,
        @JsonProperty(value = "siteId", required = true) String siteId,
        @JsonProperty(value = "counter", required = true) long counter,
        @JsonProperty(value = "plate", required = true) String plate,
        @JsonProperty(value = "plateColour", required = true) String plateColour,
        String tagId,
        @JsonProperty(value = "amount", required = true) long amount,
        @JsonProperty(value = "currency", required = true) String currency,
        String pump,
        String attendant,
        @JsonProperty(value = "capturedAt", required = true) Instant capturedAt,
        @JsonProperty(value = "allowListVersion", required = true) long allowListVersion,
        String sig) {

    public Voucher withSig(String signature) {
        return new Voucher(deviceId, siteId, counter, plate, plateColour, tagId, amount, currency, pump, attendant, capturedAt,
                allowListVersion, signature);
    }
}
