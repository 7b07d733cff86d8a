package com.platepay.protocol.parking;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of an {@code allow-list} message: the plates a lane box may let out (or in) on its own while it cannot
 * reach the server, published retained on the box's {@code command} topic. A box keeps the highest version
 * it has verified and ignores older ones.
 */
public record AllowList(
        @JsonProperty(value = "version", required = true) long version,
        @JsonProperty(value = "plates", required = true) List<Entry> plates) {

    /** A plate with an active PARKING mandate at this lot (MANDATE) or a monthly pass (PASS). */
    public record Entry(@JsonProperty(value = "plate", required = true) String plate,
                        @JsonProperty(value = "plateColour", required = true) String plateColour,
                        @JsonProperty(value = "kind", required = true) String kind) {
    }
}
