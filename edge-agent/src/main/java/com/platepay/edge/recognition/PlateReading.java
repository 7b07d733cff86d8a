package com.platepay.edge.recognition;

import com.platepay.protocol.plate.PlateColour;
import java.util.List;

/**
 * One plate read in a frame.
 *
 * @param text              the best grammar-valid reading, normalised
 * @param charConfidences   the probability of each character of {@code text} given by the reader it came from
 * @param confidence        geometric mean of the character probabilities (the pipeline's internal score: it decides
 *                          what is a plate, not what a lane may act on)
 * @param alternatives      other grammar-valid readings, best first (the first is {@code text})
 * @param evidence          what the readers said about this plate (null until the recogniser has gathered it)
 * @param calibrated        the calibrated probability that {@code text} is the plate's true text ({@link ReadCalibration});
 *                          NaN when not calibrated. A lane acts on a read only at or above the documented threshold.
 */
public record PlateReading(String text, PlateColour colour, double confidence, double[] charConfidences,
                           PlateBox box, List<Alternative> alternatives, ReadEvidence evidence, double calibrated) {

    public PlateReading(String text, PlateColour colour, double confidence, double[] charConfidences, PlateBox box,
                        List<Alternative> alternatives) {
        this(text, colour, confidence, charConfidences, box, alternatives, null, Double.NaN);
    }

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
        return new PlateReading(other, colour, confidence, otherConfidences, box, List.copyOf(alts), evidence, calibrated);
    }

    public PlateReading withEvidence(ReadEvidence e) {
        return new PlateReading(text, colour, confidence, charConfidences, box, alternatives, e, calibrated);
    }

    public PlateReading withCalibrated(double p) {
        return new PlateReading(text, colour, confidence, charConfidences, box, alternatives, evidence, p);
    }

    /** Lowest probability among the characters of {@code text}. */
    public double minCharConfidence() {
        double m = 1;
        for (double v : charConfidences) m = Math.min(m, v);
        return charConfidences.length == 0 ? 0 : m;
    }

    /** A candidate text with its score (product of character probabilities). */
    public record Alternative(String text, double score) {
    }
}
