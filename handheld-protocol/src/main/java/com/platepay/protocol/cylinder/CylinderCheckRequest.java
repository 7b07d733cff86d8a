package com.platepay.protocol.cylinder;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of a {@code cylinder-check} message: before filling, the handheld asks whether this cylinder may be filled
 * and whether this vehicle may pay frictionlessly here.
 *
 * <p>requestId is made by the device (UUIDv7 or ULID); a resend of the same requestId gets the same check. tagId is
 * the cylinder's electronic tag as read; plate as typed or read (the server normalises); at least one of the two.
 * medium is what the pump dispenses (see {@link Media}); pump and attendant identify who asks.
 */
public record CylinderCheckRequest(
        @JsonProperty(value = "requestId", required = true) String requestId,
        String tagId,
        String plate,
        String plateColour,
        @JsonProperty(value = "medium", required = true) String medium,
        String pump,
        String attendant) {
}
