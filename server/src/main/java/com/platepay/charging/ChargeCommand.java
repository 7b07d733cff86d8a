package com.platepay.charging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.platform.Hashes;
import com.platepay.protocol.CanonicalJson;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.SiteCategory;
import java.time.Instant;
import java.util.UUID;

/** A charge request that has passed device authentication and validation; chargeRef is in its canonical form. */
public record ChargeCommand(UUID deviceId, UUID siteId, UUID operatorId, SiteCategory siteCategory, String chargeRef,
                            PlateNumber plate, PlateColour colour, long amount, String currency,
                            Long volumeMilli, String volumeUnit, Long unitPrice, String pump, String attendant,
                            Instant capturedAt) {

    /**
     * What makes two requests the same charge: the SHA-256 of the canonical JSON of the request's values after
     * normalisation (canonical charge id, normalised plate, capturedAt as an instant). So a resend spelt differently
     * is the same charge, and any difference in what was asked for is an IDEMPOTENCY_CONFLICT.
     */
    public String requestHash() {
        ObjectNode n = ProtocolCodec.mapper().createObjectNode();
        n.put("chargeId", chargeRef);
        n.put("plate", plate.text());
        n.put("plateColour", colour == null ? null : colour.name());
        n.put("amount", amount);
        n.put("currency", currency);
        n.put("volumeMilli", volumeMilli);
        n.put("volumeUnit", volumeUnit);
        n.put("unitPrice", unitPrice);
        n.put("pump", pump);
        n.put("attendant", attendant);
        n.put("capturedAt", ProtocolCodec.formatInstant(capturedAt));
        return Hashes.sha256Hex(CanonicalJson.bytes(n));
    }
}
