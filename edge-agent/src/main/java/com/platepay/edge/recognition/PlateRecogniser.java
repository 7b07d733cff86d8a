package com.platepay.edge.recognition;

import com.platepay.edge.recognition.detect.PlateCandidate;
import com.platepay.edge.recognition.detect.PlateCandidateFinder;
import com.platepay.edge.recognition.detect.PlateRectifier;
import com.platepay.edge.recognition.read.PlateReader;
import com.platepay.edge.recognition.read.PlateLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import com.platepay.protocol.plate.PlateColour;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds and reads every plate in a frame: colour candidates, rectified, read, and kept when a grammar-valid reading
 * is confident enough (the reading is the verification: a blue sign does not read as a plate). Not thread-safe;
 * use one per thread.
 */
public final class PlateRecogniser implements AutoCloseable {

    /** Geometric-mean character probability below which a candidate is taken not to be a plate. */
    static final double MIN_CONFIDENCE = 0.35;
    /** A first reading this confident is not re-read on its refined box (saves time on clear plates). */
    private static final double SURE_ENOUGH = 0.8;
    /** Nor is one this unsure: a better box rarely turns noise into a plate. */
    private static final double HOPELESS = 0.1;
    /** Below the acceptance threshold but above this, a candidate is read again on {@link #variants} of its box. */
    private static final double NEARLY_A_PLATE = 0.15;

    private final PlateCandidateFinder finder = new PlateCandidateFinder();
    private final PlateReader reader;

    public PlateRecogniser(PlateReader reader) {
        this.reader = reader;
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

    /** @param frame BGR image */
    public List<PlateReading> recognise(Mat frame) {
        List<PlateReading> readings = new ArrayList<>();
        for (PlateCandidate candidate : finder.find(frame)) {
            if (alreadyRead(readings, candidate)) continue;
            bestReading(frame, candidate).filter(r -> r.confidence() >= MIN_CONFIDENCE).ifPresent(readings::add);
        }
        return withoutOverlaps(readings);
    }

    /**
     * For a candidate of unknown colour, the colour whose character polarity lines up more blobs: reading once
     * instead of once per colour. Both when neither shows characters (a blurred plate may still read).
     */
    private List<PlateColour> likelyColours(Mat frame, PlateCandidate candidate) {
        if (candidate.colours().size() < 2) {
            return candidate.colours();
        }
        PlateColour likeliest = null;
        int most = 0;
        for (PlateColour colour : candidate.colours()) {
            int evidence;
            try (Mat plate = PlateRectifier.rectify(frame, candidate.box(), PlateReader.layoutFor(colour)).plate()) {
                evidence = reader.characterEvidence(plate, colour);
            }
            if (evidence > most) {
                most = evidence;
                likeliest = colour;
            }
        }
        return likeliest == null ? candidate.colours() : List.of(likeliest);
    }

    /** Colour and edge candidates often find the same plate; once it is read with confidence, skip the rest. */
    private static boolean alreadyRead(List<PlateReading> readings, PlateCandidate candidate) {
        return readings.stream().anyMatch(r -> r.confidence() >= SURE_ENOUGH
                && BoxOverlap.iou(r.box(), candidate.box()) > 0.5);
    }

    /**
     * Reads the candidate as each colour it may be and keeps the most confident grammar-valid reading. Each read is
     * repeated on the plate box its characters imply, which mends boxes that cut into or overhang the plate.
     */
    private Optional<PlateReading> bestReading(Mat frame, PlateCandidate candidate) {
        PlateReading best = null;
        for (PlateColour colour : likelyColours(frame, candidate)) {
            if (best != null && best.confidence() >= SURE_ENOUGH) break;
            PlateLayout layout = PlateReader.layoutFor(colour);
            PlateReading first = read(frame, candidate.box(), colour, layout);
            best = better(best, first);
            if (first == null || first.confidence() <= HOPELESS || first.confidence() >= SURE_ENOUGH) continue;
            best = better(best, read(frame, first.box(), colour, layout));
            if (best.confidence() < MIN_CONFIDENCE && best.confidence() > NEARLY_A_PLATE) {
                for (PlateBox variant : variants(candidate.box())) {
                    best = better(best, read(frame, variant, colour, layout));
                }
            }
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
                new PlateBox(b.cx(), b.cy(), b.width() * 1.15, b.height(), b.angleDeg()));
    }

    private static PlateReading better(PlateReading a, PlateReading b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.confidence() > a.confidence() ? b : a;
    }

    /** Reads {@code box}; the reading's box is the one its characters imply. Null when nothing fits the grammar. */
    private PlateReading read(Mat frame, PlateBox box, PlateColour colour, PlateLayout layout) {
        PlateRectifier.Rectified rectified = PlateRectifier.rectify(frame, box, layout);
        PlateReader.Result result;
        try (Mat plate = rectified.plate()) {
            result = reader.read(plate, colour);
        }
        if (result.isEmpty()) {
            return null;
        }
        PlateBox implied = PlateRectifier.boxAround(result.cells(), layout, rectified.frameToPlate());
        return new PlateReading(result.alternatives().get(0).text(), colour, geometricMean(result.charConfidences()),
                result.charConfidences(), implied, result.alternatives());
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

    static double geometricMean(double[] values) {
        double logSum = 0;
        for (double v : values) logSum += Math.log(Math.max(v, 1e-9));
        return Math.exp(logSum / values.length);
    }

    @Override
    public void close() {
        reader.close();
    }
}
