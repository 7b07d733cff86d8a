package com.platepay.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Writes envelopes as bytes (raw number tokens kept as written), signs them as RFC 8785 devices do, reads them back leniently. */
final class Payloads {
    static final ObjectMapper WRITER = new ObjectMapper();
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private Payloads() {
    }

    static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets {@code sig} to the device's signature over the canonical form of the envelope without it. What cannot be
     * put in canonical form (an unpaired surrogate, a number beyond double range) is signed as written, which no
     * verifier can match: a device that tried would produce exactly such a signature.
     */
    static ObjectNode sign(ObjectNode envelope, PrivateKey key) {
        ObjectNode unsigned = envelope.deepCopy();
        unsigned.remove("sig");
        byte[] written = bytes(unsigned);
        byte[] signed;
        try {
            signed = Rfc8785.canonical(written);
        } catch (IllegalArgumentException e) {
            signed = written;
        }
        envelope.put("sig", signature(signed, key));
        return envelope;
    }

    static String signature(byte[] data, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Does the body's plate (with its colour, when given) follow the plate rules the server applies beyond the schema? */
    private static boolean plateFitsGrammar(JsonNode body) {
        try {
            PlateNumber plate = PlateNumber.parse(body.path("plate").textValue());
            JsonNode colour = body.path("plateColour");
            if (colour.isTextual()) {
                plate.checkColour(PlateColour.parse(colour.textValue()));
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static com.fasterxml.jackson.databind.JsonNode readTree(byte[] payload) {
        try {
            return WRITER.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body's chargeId and amount as a forgiving reader sees them; nulls when the bytes do not say. */
    record Claimed(String chargeId, BigDecimal amount, boolean plateFitsGrammar) {
    }

    static Claimed claimed(byte[] payload) {
        try {
            JsonNode body = LENIENT.readTree(payload).path("body");
            JsonNode id = body.path("chargeId");
            JsonNode amount = body.path("amount");
            return new Claimed(id.isTextual() ? id.textValue() : null, amount.isNumber() ? amount.decimalValue() : null,
                    plateFitsGrammar(body));
        } catch (Exception e) {
            return new Claimed(null, null, false);
        }
    }
}
