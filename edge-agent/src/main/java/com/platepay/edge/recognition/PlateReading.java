package com.platepay.edge.recognition;

import com.platepay.protocol.plate.PlateColour;
import java.util.List;

/**
 * One plate read in a frame.
 *
 * @param text              the best grammar-valid reading, normalised
 * @param charConfidences   the classifier's probability for each character of {@code text}
 * @param confidence        geometric mean of the character probabilities
 * @param alternatives      other grammar-valid readings, best first (the first is {@code text})
 */
public record PlateReading(String text, PlateColour colour, double confidence, double[] charConfidences,
                           PlateBox box, List<Alternative> alternatives) {

    /** A candidate text with its score (product of character probabilities). */
    public record Alternative(String text, double score) {
    }
}
