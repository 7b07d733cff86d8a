package com.platepay.edge.recognition;

import com.platepay.edge.recognition.detect.PlateCandidate;
import com.platepay.edge.recognition.detect.PlateCandidateFinder;
import com.platepay.edge.recognition.detect.PlateRectifier;
import com.platepay.edge.recognition.read.CharacterSlant;
import com.platepay.edge.recognition.read.CtcPlateReader;
import com.platepay.edge.recognition.read.PaddleTextReader;
import com.platepay.edge.recognition.read.PlateLayout;
import com.platepay.edge.recognition.read.PlateReader;
import com.platepay.edge.recognition.read.TwoRowPlateReader;
import com.platepay.protocol.plate.PlateColour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds and reads every plate in a frame: colour and edge candidates, rectified (slant included), read, and kept
 * when a grammar-valid reading is confident enough, or fairly confident with its characters lined up on the plate's
 * spacing (the reading is the verification: a blue sign does not read as a plate). The likeliest near misses get a
 * second chance on variants of their box. With PaddleOCR's recogniser as second opinion, the plates read with
 * little confidence are read again by it, which may correct or drop them. Not thread-safe; use one per thread.
 */
public final class PlateRecogniser implements AutoCloseable {

    /** Geometric-mean character probability from which a reading is taken for a plate on its own. */
    static final double MIN_CONFIDENCE = 0.35;
    /**
     * Down to this confidence, a reading is still a plate when all its characters but one are blobs lined up on the
     * plate's spacing: a shape junk rarely has, while dirt or an odd typeface can make the classifier unsure.
     */
    static final double MIN_CONFIDENCE_LINED_UP = 0.15;
    /** Candidates overlapping a plate read this confidently are not read again. */
    private static final double READ_CLEARLY = 0.5;
    /** A first reading this confident is not re-read on its refined box (saves time on clear plates). */
    private static final double SURE_ENOUGH = 0.8;
    /** Nor is one this unsure: a better box rarely turns noise into a plate. */
    private static final double HOPELESS = 0.1;
    /** Below the acceptance threshold but above this, a candidate is read again on {@link #variants} of its box. */
    private static final double NEARLY_A_PLATE = 0.15;
    /**
     * Only the likeliest near misses of a frame get those extra reads: a frame rarely holds more than three plates,
     * and junk near misses otherwise cost as much as everything else (bounds the time per frame, too).
     */
    private static final int NEAR_MISSES_PER_FRAME = 3;
    /** Lined-up character blobs a faint (low-saturation) candidate needs to be read at all. */
    static final int FAINT_MIN_CHARACTERS = 3;
    /**
     * A faint region less elongated than this (a plate is 440x140 mm, 3.14) probably takes in the plate's frame or
     * screws: it is also tried a quarter lower.
     */
    private static final double TALL_FAINT_ASPECT = 2.6;
    /** A yellow candidate at most this elongated may be a two-row plate (440 x 220 mm: 2.0). */
    static final double TWO_ROW_MAX_ASPECT = 2.5;

    private final PlateCandidateFinder finder = new PlateCandidateFinder();
    private final PlateReader reader;
    /** PaddleOCR's recogniser, when its model is there; null reads with the project's own models only. */
    private final PaddleTextReader paddle;
    /** PaddleOCR's review of the plates we are unsure of; null without it. */
    private final SecondOpinion secondOpinion;
    /** Two-row plates, read by PaddleOCR row by row; null without it (then they are not read). */
    private final TwoRowPlateReader twoRows;
    /** The character slant each accepted reading of the current frame was read with (to cut it again the same way). */
    private final IdentityHashMap<PlateReading, Double> shears = new IdentityHashMap<>();
    /** Turns what the readers said into the calibrated confidence a lane acts on. */
    private ReadCalibration calibration = ReadCalibration.bundled();
    /** The project's whole-plate CTC reader; null when its model is not on the classpath. */
    private final CtcPlateReader ctcReader;
    private final CtcOpinion ctcOpinion;

    public PlateRecogniser(PlateReader reader) {
        this(reader, null);
    }

    public PlateRecogniser(PlateReader reader, PaddleTextReader paddle) {
        this.reader = reader;
        this.paddle = paddle;
        this.secondOpinion = paddle == null ? null : new SecondOpinion(paddle);
        this.twoRows = paddle == null ? null : new TwoRowPlateReader(paddle);
        this.ctcReader = CtcPlateReader.committedIfPresent().orElse(null);
        // Chosen on the tuning half: with PaddleOCR, taking the CTC text cost exact matches (PaddleOCR no longer
        // reviewed the plates it made sure), so there it is evidence only; without PaddleOCR it mends unsure reads.
        this.ctcOpinion = ctcReader == null ? null
                : new CtcOpinion(ctcReader, paddle == null ? CtcOpinion.Rule.SURE_AND_CLASSIFIER_UNSURE : CtcOpinion.Rule.NEVER);
    }

    /** Uses {@code c} for the calibrated confidences instead of the committed calibration. */
    public PlateRecogniser calibratedBy(ReadCalibration c) {
        this.calibration = c;
        return this;
    }

    /** The documented threshold: a lane acts on a read whose calibrated confidence is at or above it. */
    public double actThreshold() {
        return calibration.threshold(hasSecondOpinion());
    }

    /** Whether a lane may act on {@code r} (move money on it): its calibrated confidence reaches the threshold. */
    public boolean acts(PlateReading r) {
        return r.calibrated() >= actThreshold();
    }

    /** Whether PaddleOCR's recogniser gives a second opinion. */
    public boolean hasSecondOpinion() {
        return secondOpinion != null;
    }

    /**
     * This recogniser with PaddleOCR's recogniser from {@code dir} as second opinion when it loads there; else this
     * recogniser unchanged (first opinion only). Use the returned one instead of this one.
     */
    public PlateRecogniser withSecondOpinionFrom(java.nio.file.Path dir) {
        return PaddleTextReader.open(dir).map(p -> new PlateRecogniser(reader, p).calibratedBy(calibration)).orElse(this);
    }

    /** With the committed models. OpenCV is pinned to the calling thread: an edge box gives recognition one core. */
    public static PlateRecogniser withBundledModels() {
        return onOneThread(PlateReader.fromClasspath());
    }

    /** With the models in {@code dir} when given, else the bundled ones. */
    public static PlateRecogniser withModels(java.nio.file.Path dir) {
        return dir == null ? withBundledModels() : onOneThread(PlateReader.fromDirectory(dir));
    }

    private static PlateRecogniser onOneThread(PlateReader reader) {
        opencv_core.setNumThreads(1);
        return new PlateRecogniser(reader);
    }

    /**
     * When nothing is read at the finder's working size, the search is repeated on a copy this much smaller: plates
     * that fill a large part of the frame (close-ups) are too big for the finder's kernels at the first size.
     */
    static final double COARSE_SEARCH = 0.5;

    /** @param frame BGR image */
    public List<PlateReading> recognise(Mat frame) {
        List<PlateReading> found = recogniseAt(frame, PlateCandidateFinder.WORKING_SIZE);
        int coarse = (int) (PlateCandidateFinder.WORKING_SIZE * COARSE_SEARCH);
        if (found.isEmpty() && Math.max(frame.cols(), frame.rows()) > coarse) {
            found = recogniseAt(frame, coarse);
        }
        return found;
    }

    private List<PlateReading> recogniseAt(Mat frame, int workingSize) {
        List<PlateReading> readings = new ArrayList<>();
        List<PlateReading> twoRowReadings = new ArrayList<>();
        List<PlateBox> twoRowPlates = new ArrayList<>();
        List<Attempt> nearMisses = new ArrayList<>();
        for (PlateCandidate candidate : finder.find(frame, workingSize)) {
            if (alreadyRead(readings, candidate.box())) continue;
            List<PlateColour> colours;
            if (candidate.faint()) {
                if (overlapsAReading(readings, candidate.box())) continue;
                candidate = withCharacters(frame, candidate);
                if (candidate == null) continue;
                colours = candidate.colours();
            } else {
                if (mayBeTwoRows(candidate)) {
                    // Read as one row, a two-row plate's lower row alone makes a wrong plate number: so a two-row
                    // plate is read by rows, or (without PaddleOCR, or when the rows do not read) not at all.
                    TwoRowCheck twoRow = asTwoRows(frame, candidate);
                    if (twoRow.hasTwoRows()) {
                        twoRowPlates.add(candidate.box());
                        twoRow.reading().ifPresent(twoRowReadings::add);
                        continue;
                    }
                }
                colours = coloursShowingCharacters(frame, candidate);
            }
            bestReading(frame, candidate, colours).ifPresent(attempt -> {
                if (isPlate(attempt)) {
                    PlateReading r = attempt.withEvidence();
                    readings.add(r);
                    shears.put(r, attempt.shear());
                } else if (attempt.confidence() > NEARLY_A_PLATE) {
                    nearMisses.add(attempt);
                }
            });
        }
        secondChances(frame, nearMisses, readings);
        List<PlateReading> kept = withoutOverlaps(readings);
        if (ctcOpinion != null) {
            List<PlateReading> reviewed = ctcOpinion.review(frame, kept, r -> shears.getOrDefault(r, 0.0));
            for (int i = 0; i < reviewed.size(); i++) {   // PaddleOCR cuts each plate with the same slant
                shears.put(reviewed.get(i), shears.getOrDefault(kept.get(i), 0.0));
            }
            kept = reviewed;
        }
        if (secondOpinion != null) {
            kept = secondOpinion.review(frame, kept, r -> shears.getOrDefault(r, 0.0));
        }
        // One-row readings of a two-row plate (its lower row, from another candidate box) are wrong numbers.
        kept.removeIf(r -> twoRowPlates.stream().anyMatch(p -> BoxOverlap.iou(p, r.box()) > 0.3));
        kept.addAll(withoutOverlaps(twoRowReadings));
        shears.clear();
        boolean second = hasSecondOpinion();
        List<PlateReading> calibrated = new ArrayList<>(kept.size());
        for (PlateReading r : kept) {
            calibrated.add(r.evidence() == null ? r.withCalibrated(0) : r.withCalibrated(calibration.probability(r.evidence(), second)));
        }
        return calibrated;
    }

    private static boolean mayBeTwoRows(PlateCandidate candidate) {
        PlateBox b = candidate.box();
        return candidate.colours().contains(PlateColour.YELLOW) && b.width() / b.height() <= TWO_ROW_MAX_ASPECT;
    }

    /** Whether a candidate has the two-row layout, and its reading by rows when PaddleOCR could read them. */
    private record TwoRowCheck(boolean hasTwoRows, Optional<PlateReading> reading) {
        static final TwoRowCheck ONE_ROW = new TwoRowCheck(false, Optional.empty());
    }

    private TwoRowCheck asTwoRows(Mat frame, PlateCandidate candidate) {
        try (Mat plate = PlateRectifier.rectify(frame, candidate.box(), TwoRowPlateReader.WIDTH,
                TwoRowPlateReader.HEIGHT).plate()) {
            Optional<TwoRowPlateReader.SerialSpan> span = TwoRowPlateReader.twoRowLayout(plate);
            if (span.isEmpty()) {
                return TwoRowCheck.ONE_ROW;
            }
            if (twoRows == null) {
                return new TwoRowCheck(true, Optional.empty());
            }
            return new TwoRowCheck(true, twoRows.read(plate, span.get()).map(t -> new PlateReading(t.text(),
                    PlateColour.YELLOW, t.confidence(), t.charConfidences(), candidate.box(),
                    List.of(new PlateReading.Alternative(t.text(), t.confidence())),
                    new ReadEvidence("", 0, 0, t.text(), t.minConfidence(), true, true,
                            charHeightPx(candidate.box()) / 2, 0), Double.NaN)));
        }
    }

    /** Reads the likeliest near misses again on {@link #variants} of their candidate boxes; adds those that pass. */
    private void secondChances(Mat frame, List<Attempt> nearMisses, List<PlateReading> readings) {
        nearMisses.sort(Comparator.comparingDouble(Attempt::confidence).reversed());
        for (Attempt nearMiss : nearMisses.subList(0, Math.min(nearMisses.size(), NEAR_MISSES_PER_FRAME))) {
            if (alreadyRead(readings, nearMiss.candidateBox())) continue;
            Attempt best = nearMiss;
            for (PlateBox variant : variants(nearMiss.candidateBox())) {
                best = better(best, read(frame, variant, nearMiss.reading().colour(), nearMiss.shear()));
            }
            if (isPlate(best)) {
                PlateReading r = best.withEvidence();
                readings.add(r);
                shears.put(r, best.shear());
            }
        }
    }

    /**
     * The colour to read the candidate as: of those it may be, the one whose character polarity lines up the most
     * blobs (under Otsu's or a local threshold). None when no colour lines up any: most candidates are grilles, lamps
     * and shadows, and this check costs a fraction of a read. (Plates too blurred for any blob to stand out are lost
     * with them; on the dev photos that is none, and the reads saved are about a third of the time per frame.)
     */
    private List<PlateColour> coloursShowingCharacters(Mat frame, PlateCandidate candidate) {
        PlateColour likeliest = null;
        int most = 0;
        for (PlateColour colour : candidate.colours()) {
            int evidence;
            try (Mat plate = PlateRectifier.rectify(frame, candidate.box(), PlateReader.layoutFor(colour)).plate()) {
                evidence = reader.characterEvidenceOtsuOrLocal(plate, colour);
            }
            if (evidence > most) {
                most = evidence;
                likeliest = colour;
            }
        }
        return likeliest == null ? List.of() : List.of(likeliest);
    }

    /**
     * Whether at least {@value #FAINT_MIN_CHARACTERS} character blobs of the candidate's colour line up on the plate's
     * spacing: the cheap check a faint candidate must pass before it is read (almost none of the low-saturation
     * regions that are not plates have any).
     */
    private boolean showsCharacters(Mat frame, PlateBox box, PlateColour colour) {
        try (Mat plate = PlateRectifier.rectify(frame, box, PlateReader.layoutFor(colour)).plate()) {
            return reader.characterEvidence(plate, colour) >= FAINT_MIN_CHARACTERS;
        }
    }

    /**
     * The faint candidate when characters line up in it, else, when it is taller than a plate, the candidate with its
     * box a quarter lower (a faded plate's region often takes in its frame or screws, which pushes the character row
     * off the layout) when they do there; null when no box shows characters.
     */
    private PlateCandidate withCharacters(Mat frame, PlateCandidate candidate) {
        PlateColour colour = candidate.colours().get(0);
        if (showsCharacters(frame, candidate.box(), colour)) return candidate;
        PlateBox b = candidate.box();
        if (b.width() / b.height() >= TALL_FAINT_ASPECT) return null;
        PlateBox lower = new PlateBox(b.cx(), b.cy(), b.width(), b.height() * 0.75, b.angleDeg());
        return showsCharacters(frame, lower, colour) ? new PlateCandidate(lower, candidate.colours(), true) : null;
    }

    /** A faint candidate only looks for plates nothing else found: any accepted reading on it settles it. */
    private static boolean overlapsAReading(List<PlateReading> readings, PlateBox candidate) {
        return readings.stream().anyMatch(r -> BoxOverlap.iou(r.box(), candidate) > 0.3);
    }

    /** Colour and edge candidates often find the same plate; once it is read with confidence, skip the rest. */
    private static boolean alreadyRead(List<PlateReading> readings, PlateBox candidate) {
        return readings.stream().anyMatch(r -> r.confidence() >= READ_CLEARLY && BoxOverlap.iou(r.box(), candidate) > 0.5);
    }

    /**
     * Reads the candidate as each of {@code colours} and keeps the most confident grammar-valid reading. Each read is
     * repeated on the plate box its characters imply, which mends boxes that cut into or overhang the plate.
     */
    private Optional<Attempt> bestReading(Mat frame, PlateCandidate candidate, List<PlateColour> colours) {
        Attempt best = null;
        for (PlateColour colour : colours) {
            if (best != null && best.confidence() >= SURE_ENOUGH) break;
            double shear = slantOf(frame, candidate.box(), colour);
            Attempt first = read(frame, candidate.box(), colour, shear);
            best = better(best, first);
            if (first == null || first.confidence() <= HOPELESS || first.confidence() >= SURE_ENOUGH) continue;
            Attempt refined = read(frame, first.reading().box(), colour, shear);
            best = better(best, refined == null ? null : refined.from(candidate.box()));
        }
        return Optional.ofNullable(best);
    }

    /**
     * Nearly-plates get a second chance with the box taller, shorter, wider and narrower: candidate boxes often clip
     * a plate or take in its frame, and the character fit needs the character row well inside the box.
     */
    private static List<PlateBox> variants(PlateBox b) {
        return List.of(
                new PlateBox(b.cx(), b.cy(), b.width(), b.height() * 1.3, b.angleDeg()),
                new PlateBox(b.cx(), b.cy(), b.width() * 1.15, b.height(), b.angleDeg()),
                new PlateBox(b.cx(), b.cy(), b.width(), b.height() * 0.8, b.angleDeg()),
                new PlateBox(b.cx(), b.cy(), b.width() * 0.87, b.height(), b.angleDeg()));
    }

    /**
     * One read: the reading, how many of its characters are blobs on the plate's spacing, and the candidate box and
     * character slant it started from (for a second chance on variants of that box).
     */
    private record Attempt(PlateReading reading, int agreeingBlobs, PlateBox candidateBox, double shear) {
        double confidence() {
            return reading.confidence();
        }

        Attempt from(PlateBox candidate) {
            return new Attempt(reading, agreeingBlobs, candidate, shear);
        }

        /** The reading with what our own networks said about it (PaddleOCR's part is added by its review). */
        PlateReading withEvidence() {
            int length = reading.text().length();
            return reading.withEvidence(new ReadEvidence(reading.text(), reading.confidence(),
                    reading.minCharConfidence(), "", 0, false, false, charHeightPx(reading.box()),
                    Math.min(1.0, (double) agreeingBlobs / length)));
        }
    }

    private static boolean isPlate(Attempt a) {
        int length = a.reading().text().length();
        return a.confidence() >= MIN_CONFIDENCE
                || a.confidence() >= MIN_CONFIDENCE_LINED_UP && a.agreeingBlobs() >= length - 1;
    }

    private static Attempt better(Attempt a, Attempt b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.confidence() > a.confidence() ? b : a;
    }

    /** How far the candidate's characters lean; its later reads on refined boxes straighten them the same way. */
    private static double slantOf(Mat frame, PlateBox box, PlateColour colour) {
        try (Mat plate = PlateRectifier.rectify(frame, box, PlateReader.layoutFor(colour)).plate()) {
            return CharacterSlant.estimate(plate, colour);
        }
    }

    /**
     * Reads {@code box} with its characters straightened by {@code shear}; the reading's box is the one its
     * characters imply. Null when nothing fits the grammar.
     */
    private Attempt read(Mat frame, PlateBox box, PlateColour colour, double shear) {
        PlateLayout layout = PlateReader.layoutFor(colour);
        PlateRectifier.Rectified rectified = PlateRectifier.rectify(frame, box, layout, shear);
        PlateReader.Result result;
        try (Mat plate = rectified.plate()) {
            result = reader.read(plate, colour);
        }
        if (result.isEmpty()) {
            return null;
        }
        PlateBox implied = PlateRectifier.boxAround(result.cells(), layout, rectified.frameToPlate());
        return new Attempt(new PlateReading(result.alternatives().get(0).text(), colour,
                geometricMean(result.charConfidences()), result.charConfidences(), implied, result.alternatives()),
                result.agreeingBlobs(), box, shear);
    }

    /** Keeps the most confident reading where candidates overlap (the same plate found by two colour masks). */
    private static List<PlateReading> withoutOverlaps(List<PlateReading> readings) {
        readings.sort(Comparator.comparingDouble(PlateReading::confidence).reversed());
        List<PlateReading> kept = new ArrayList<>();
        for (PlateReading r : readings) {
            if (kept.stream().noneMatch(k -> BoxOverlap.iou(k.box(), r.box()) > 0.2)) {
                kept.add(r);
            }
        }
        return kept;
    }

    /**
     * Character height in frame pixels of a one-row plate in {@code box}: GA 36 characters are 90 mm high on a
     * 140 mm plate.
     */
    static double charHeightPx(PlateBox box) {
        return box.landscape().height() * 90.0 / 140.0;
    }

    static double geometricMean(double[] values) {
        double logSum = 0;
        for (double v : values) logSum += Math.log(Math.max(v, 1e-9));
        return Math.exp(logSum / values.length);
    }

    @Override
    public void close() {
        reader.close();
        if (paddle != null) paddle.close();
        if (ctcReader != null) ctcReader.close();
    }
}
