package com.platepay.parking;

import com.platepay.protocol.parking.PlateRead;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import java.util.List;
import java.util.UUID;

/**
 * A plate read that passed the device checks. {@code plate} is null when the text does not follow the plate
 * grammar (the read is still stored, and a person looks); {@code candidates} are the normalised valid ones.
 */
public record LaneRead(UUID deviceId, UUID siteId, UUID operatorId, long seq, PlateRead body, PlateNumber plate,
                       PlateColour colour, List<String> candidates) {

    /** The colour a session is keyed by; UNKNOWN when neither the reader nor the plate's text tells it. */
    public String colourKey() {
        if (colour != null) {
            return colour.name();
        }
        return plate == null ? "UNKNOWN" : plate.impliedColour().map(Enum::name).orElse("UNKNOWN");
    }
}
