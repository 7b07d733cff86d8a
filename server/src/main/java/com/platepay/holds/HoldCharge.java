package com.platepay.holds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.platepay.charging.ChargeCommand;
import com.platepay.platform.Hashes;
import com.platepay.protocol.ProtocolCodec;
import java.time.Instant;

/**
 * The charge that completes a hold, as stored on the hold while the bank is asked ({@code charge_body}), so whoever
 * records the bank's answer (the request's own server, or the janitor after a crash) records the same charge.
 */
record HoldCharge(String chargeRef, String requestHash, String plate, String colour, long amount, String currency,
                  Long volumeMilli, String volumeUnit, Long unitPrice, String pump, String attendant, Instant capturedAt) {

    /** The request hash covers the check it names too: the same charge id naming another check is another charge. */
    static HoldCharge of(ChargeCommand c, String checkRef) {
        return new HoldCharge(c.chargeRef(), Hashes.sha256Hex(c.requestHash() + " " + checkRef), c.plate().text(), c.colour() == null ? null : c.colour().name(),
                c.amount(), c.currency(), c.volumeMilli(), c.volumeUnit(), c.unitPrice(), c.pump(), c.attendant(), c.capturedAt());
    }

    String json() {
        try {
            return ProtocolCodec.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HoldCharge parse(String json) {
        try {
            return ProtocolCodec.mapper().readValue(json, HoldCharge.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hold's stored charge does not read back", e);
        }
    }
}
