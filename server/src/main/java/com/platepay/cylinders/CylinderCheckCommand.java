package com.platepay.cylinders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.platform.Hashes;
import com.platepay.protocol.CanonicalJson;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.SiteCategory;
import java.util.UUID;

/** A validated cylinder-check from a handheld: the request id in canonical form, the plate normalised (or null). */
public record CylinderCheckCommand(UUID deviceId, UUID siteId, SiteCategory siteCategory, String requestRef, String tagId,
                                   PlateNumber plate, PlateColour colour, String medium, String pump, String attendant) {

    /** What makes two requests the same check (as for charges): a resend spelt differently is the same request. */
    public String requestHash() {
        ObjectNode n = ProtocolCodec.mapper().createObjectNode();
        n.put("requestId", requestRef);
        n.put("tagId", tagId);
        n.put("plate", plate == null ? null : plate.text());
        n.put("plateColour", colour == null ? null : colour.name());
        n.put("medium", medium);
        n.put("pump", pump);
        n.put("attendant", attendant);
        return Hashes.sha256Hex(CanonicalJson.bytes(n));
    }
}
