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

    /**
     * This plate read as {@code other} by a second opinion: its text and character confidences, with our own reading
     * kept among the alternatives (after it, when it differs).
     */
    public PlateReading readAs(String other, double[] otherConfidences) {
        if (other.equals(text)) return this;
        double logSum = 0;
        for (double v : otherConfidences) logSum += Math.log(Math.max(v, 1e-9));
        double confidence = Math.exp(logSum / otherConfidences.length);
        List<Alternative> alts = new java.util.ArrayList<>();
        alts.add(new Alternative(other, confidence));
        alternatives.stream().filter(a -> !a.text().equals(other)).forEach(alts::add);
        return new PlateReading(other, colour, confidence, otherConfidences, box, List.copyOf(alts));
    }

    /** A candidate text with its score (product of character probabilities). */
    public record Alternative(String text, double score) {
    }
}
