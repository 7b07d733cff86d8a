package com.platepay.edge.recognition.detect;

import com.platepay.edge.recognition.PlateBox;
import com.platepay.protocol.plate.PlateColour;
import java.util.List;

/**
 * A region that might be a plate, and the plate colours worth trying when reading it: the colour that made it stand
 * out, or blue and yellow when it stood out by its edges alone (a faded or badly lit plate).
 */
public record PlateCandidate(PlateBox box, List<PlateColour> colours) {
}
