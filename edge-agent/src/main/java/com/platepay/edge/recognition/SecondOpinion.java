package com.platepay.edge.recognition;

import com.platepay.edge.recognition.detect.PlateRectifier;
import com.platepay.edge.recognition.read.PaddleTextReader;
import com.platepay.edge.recognition.read.PlateLayout;
import com.platepay.edge.recognition.read.PlateReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * PaddleOCR's PP-OCRv4 recogniser reviewing the plates our own networks read with little confidence: it may correct
 * them, or show they are not plates at all.
 */
final class SecondOpinion {

    /** PaddleOCR's reading is taken when each of its characters is at least this likely (and it is a valid plate). */
    private static final double SURE = 0.5;
    /** A found plate on which PaddleOCR reads fewer plate symbols than this is not reported. */
    private static final int MIN_SYMBOLS = 3;
    /**
     * Only readings less confident than this get the second opinion (time: about 7 ms per plate on one core). The
     * classifier's geometric-mean confidence rarely exceeds 0.65, so this skips the clearest ~40 % of plates.
     */
    private static final double ONLY_BELOW = 0.6;
    /** The wider cut for PaddleOCR's second look: this much of the box's width on each side, and of its height. */
    private static final double WIDE_CUT_MARGIN_X = 0.2;
    private static final double WIDE_CUT_MARGIN_Y = 0.15;
    /** PaddleOCR reading this many digits and nothing else, each this surely, has read something other than a plate. */
    private static final int DIGITS_ONLY_LENGTH = 6;
    private static final double DIGITS_ONLY_SURE = 0.8;
    /** How sure PaddleOCR must be of every character on the wider cut. */
    private static final double WIDE_CUT_SURE = 0.6;

    private final PaddleTextReader paddle;

    SecondOpinion(PaddleTextReader paddle) {
        this.paddle = paddle;
    }

    /**
     * PaddleOCR reads each accepted plate we are not sure of (confidence below {@value #ONLY_BELOW}) as a
     * line of text, cut from the frame as ours was (same box and slant). Its reading replaces ours when it is a valid
     * plate number as long as ours with every character at probability {@value #SURE} or more. When it
     * is not, the plate is cut again with a margin and read once more: our box is sometimes a character off (the
     * province outside it), and PaddleOCR, which places characters itself, then reads all of them; on that cut it
     * must be surer ({@value #WIDE_CUT_SURE}), since a wider cut also takes in frame and screws. A plate on which
     * it finds fewer than {@value #MIN_SYMBOLS} plate symbols is dropped (grilles, signs and lamps that
     * our classifier forced into the grammar), and so is one where either cut surely reads nothing but a run of
     * digits (date stamps). Otherwise ours stands.
     */
    List<PlateReading> review(Mat frame, List<PlateReading> kept, ToDoubleFunction<PlateReading> shearOf) {
        List<PlateReading> out = new ArrayList<>(kept.size());
        for (PlateReading r : kept) {
            PlateLayout layout = PlateReader.layoutFor(r.colour());
            double shear = shearOf.applyAsDouble(r);
            PaddleTextReader.Text opinion;
            try (Mat plate = PlateRectifier.rectify(frame, r.box(), layout, shear).plate()) {
                opinion = paddle.read(plate);
            }
            if (r.confidence() >= ONLY_BELOW) {
                // Ours stands; PaddleOCR's independent reading is kept as evidence for the calibrated confidence.
                out.add(withOpinion(r, opinion, false));
                continue;
            }
            if (opinion.text().length() < MIN_SYMBOLS) {
                continue;   // no text there: not a plate
            }
            if (!agrees(opinion, r, SURE)) {
                PaddleTextReader.Text tight = opinion;
                try (Mat wider = PlateRectifier.rectifyWithMargin(frame, r.box(), layout, shear,
                        WIDE_CUT_MARGIN_X, WIDE_CUT_MARGIN_Y).plate()) {
                    opinion = paddle.read(wider);
                }
                if (!agrees(opinion, r, WIDE_CUT_SURE)) {
                    if (!surelyDigitsOnly(tight) && !surelyDigitsOnly(opinion)) {
                        out.add(withOpinion(r, opinion.text().length() >= tight.text().length() ? opinion : tight, false));
                    }
                    continue;
                }
            }
            out.add(withOpinion(r, opinion, true).readAs(opinion.text(), opinion.charConfidences()));
        }
        return out;
    }

    /** {@code r} with PaddleOCR's reading recorded in its evidence; {@code taken} when it replaces ours. */
    private static PlateReading withOpinion(PlateReading r, PaddleTextReader.Text opinion, boolean taken) {
        ReadEvidence e = r.evidence();
        if (e == null) return r;
        boolean replaces = taken && !opinion.text().equals(r.text());
        return r.withEvidence(new ReadEvidence(e.own(), e.ownMean(), e.ownMin(), opinion.text(),
                opinion.text().isEmpty() ? 0 : opinion.minConfidence(), replaces, e.twoRow(), e.charHeightPx(),
                e.lineUp(), e.ctc(), e.ctcMin()));
    }

    /**
     * Whether PaddleOCR surely reads only digits, {@value #DIGITS_ONLY_LENGTH} or more: a camera's date stamp or a
     * phone number. A plate has a province character and a letter, and at most five digits.
     */
    private static boolean surelyDigitsOnly(PaddleTextReader.Text opinion) {
        return opinion.text().length() >= DIGITS_ONLY_LENGTH && opinion.text().chars().allMatch(Character::isDigit)
                && opinion.minConfidence() >= DIGITS_ONLY_SURE;
    }

    /** Whether PaddleOCR's reading may replace ours: a valid plate of the same length, every character this sure. */
    private static boolean agrees(PaddleTextReader.Text opinion, PlateReading ours, double sure) {
        return opinion.isPlate() && opinion.minConfidence() >= sure
                && opinion.text().length() == ours.text().length();   // same layout as the colour we cut it for
    }
}
