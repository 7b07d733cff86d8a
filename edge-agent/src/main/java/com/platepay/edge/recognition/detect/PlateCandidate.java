package com.platepay.edge.recognition.detect;

import com.platepay.edge.recognition.PlateBox;
import com.platepay.protocol.plate.PlateColour;
import java.util.List;

/**
 * A region that might be a plate, and the plate colours worth trying when reading it: the colour that made it stand
 * out, or blue and yellow when it stood out by its edges alone (a faded or badly lit plate). A {@code faint} candidate
 * comes from a loose source (low-saturation colour) that finds mostly junk: it is read only when characters of its
 * colour's polarity line up in it.
 */
public record PlateCandidate(PlateBox box, List<PlateColour> colours, boolean faint) {

    public PlateCandidate(PlateBox box, List<PlateColour> colours) {
        this(box, colours, false);
    }
}
