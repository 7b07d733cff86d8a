package com.platepay.edge.recognition;

import com.platepay.edge.recognition.detect.PlateRectifier;
import com.platepay.edge.recognition.read.CtcPlateReader;
import com.platepay.edge.recognition.read.PlateReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The project's whole-plate CTC reader reading each accepted plate on the same cut (box and slant) as the character
 * classifiers did. Its text and least sure character go into the read's evidence for the calibration; it replaces
 * the classifiers' text when {@link #takes} says so (before PaddleOCR's review, which then sees our networks' joint
 * decision as "ours").
 */
final class CtcOpinion {

    /**
     * Rule for taking the CTC reader's text over the classifiers' (chosen on the tuning half; taking it whenever it
     * is sure, unsure classifiers or not, scored lower with and without PaddleOCR: see README).
     */
    enum Rule { NEVER, SURE_AND_CLASSIFIER_UNSURE }

    /** How sure the CTC reader must be of every character for its text to replace the classifiers'. */
    static final double SURE = 0.9;
    /** The classifiers' geometric-mean confidence under which they count as unsure. */
    static final double CLASSIFIER_UNSURE = 0.6;

    private final CtcPlateReader ctc;
    private final Rule rule;

    CtcOpinion(CtcPlateReader ctc, Rule rule) {
        this.ctc = ctc;
        this.rule = rule;
    }

    List<PlateReading> review(Mat frame, List<PlateReading> kept, ToDoubleFunction<PlateReading> shearOf) {
        List<PlateReading> out = new ArrayList<>(kept.size());
        for (PlateReading r : kept) {
            CtcPlateReader.Text t;
            try (Mat plate = PlateRectifier.rectify(frame, r.box(), PlateReader.layoutFor(r.colour()),
                    shearOf.applyAsDouble(r)).plate()) {
                t = ctc.read(plate, r.colour());
            }
            ReadEvidence e = r.evidence();
            if (e == null) {
                out.add(r);
                continue;
            }
            if (takes(r, t)) {
                PlateReading taken = r.readAs(t.text(), t.charConfidences());
                out.add(taken.withEvidence(new ReadEvidence(t.text(), taken.confidence(), t.minConfidence(), e.paddle(),
                        e.paddleMin(), e.paddleTaken(), e.twoRow(), e.charHeightPx(), e.lineUp(), t.text(),
                        t.minConfidence())));
            } else {
                out.add(r.withEvidence(e.withCtc(t.text(), t.text().isEmpty() ? 0 : t.minConfidence())));
            }
        }
        return out;
    }

    private boolean takes(PlateReading r, CtcPlateReader.Text t) {
        if (!t.isPlate() || t.text().equals(r.text()) || t.text().length() != r.text().length()
                || t.minConfidence() < SURE) {
            return false;
        }
        return switch (rule) {
            case NEVER -> false;
            case SURE_AND_CLASSIFIER_UNSURE -> r.confidence() < CLASSIFIER_UNSURE;
        };
    }
}
