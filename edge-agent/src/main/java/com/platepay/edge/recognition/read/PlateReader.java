package com.platepay.edge.recognition.read;

import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;

import com.platepay.edge.recognition.PlateReading.Alternative;
import com.platepay.protocol.plate.PlateColour;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reads the characters of one rectified plate image: cells, features, classifiers, grammar-checked decoding. */
public final class PlateReader implements AutoCloseable {

    private static final int ALTERNATIVES = 5;
    /** Characters this unlikely on average (geometric mean) make a reading junk. */
    private static final double JUNK_PROBABILITY = 0.1;

    private final CharClassifier province;
    private final CharClassifier serial;
    private final CharSegmenter segmenter = new CharSegmenter();
    private final ReadingDecoder decoder = new ReadingDecoder();

    public PlateReader(CharClassifier province, CharClassifier serial) {
        this.province = province;
        this.serial = serial;
    }

    public static PlateReader fromClasspath() {
        return new PlateReader(CharClassifier.fromClasspath(CharSet.PROVINCE), CharClassifier.fromClasspath(CharSet.SERIAL));
    }

    /** Models written by {@code train --out DIR}, to compare them with the bundled ones before committing. */
    public static PlateReader fromDirectory(java.nio.file.Path dir) {
        return new PlateReader(CharClassifier.fromFile(CharSet.PROVINCE, dir.resolve(CharSet.PROVINCE.modelFile())),
                CharClassifier.fromFile(CharSet.SERIAL, dir.resolve(CharSet.SERIAL.modelFile())));
    }

    /**
     * What the characters say, with per-character probabilities; empty alternatives when nothing fits the grammar.
     * {@code agreeingBlobs}: how many character blobs line up with the cells (evidence of a plate beside the reading).
     */
    public record Result(List<Alternative> alternatives, double[] charConfidences, List<CharCell> cells,
                         int agreeingBlobs) {
        public boolean isEmpty() {
            return alternatives.isEmpty();
        }

        /** The best reading's probability, 0 when nothing fits the grammar. */
        public double score() {
            return isEmpty() ? 0 : alternatives.get(0).score();
        }
    }

    /**
     * Reads every placement the segmenter proposes and keeps the one that reads best; the network sees all
     * placements' characters in two calls, one per classifier, since a call costs more than a row.
     *
     * @param plate rectified plate in BGR ({@link com.platepay.edge.recognition.detect.PlateRectifier})
     */
    public Result read(Mat plate, PlateColour colour) {
        try (Mat grey = brightCharacters(plate, colour)) {
            List<CharSegmenter.Placement> placements = segmenter.placements(grey, layoutFor(colour));
            List<float[]> provinceFeatures = new ArrayList<>(), serialFeatures = new ArrayList<>();
            for (CharSegmenter.Placement placement : placements) {
                List<CharCell> cells = placement.cells();
                provinceFeatures.add(CharFeatures.extract(grey, cells.get(0)));
                for (int i = 1; i < cells.size(); i++) {
                    serialFeatures.add(CharFeatures.extract(grey, cells.get(i)));
                }
            }
            double[][] provinceP = province.probabilities(provinceFeatures);
            double[][] serialP = serial.probabilities(serialFeatures);
            Result best = null;
            List<double[]> bestSlots = null;
            int row = 0;
            for (int k = 0; k < placements.size(); k++) {
                List<CharCell> cells = placements.get(k).cells();
                List<double[]> slots = new ArrayList<>();
                slots.add(provinceP[k]);
                for (int i = 1; i < cells.size(); i++) slots.add(serialP[row++]);
                Result result = decode(cells, slots, placements.get(k).agreeingBlobs());
                if (best == null || result.score() > best.score()) {
                    best = result;
                    bestSlots = slots;
                }
            }
            if (best.score() < Math.pow(JUNK_PROBABILITY, best.cells().size())) {
                return best; // not worth a closer look at the province
            }
            bestSlots.set(0, provinceProbabilities(grey, best.cells().get(0)));
            return decode(best.cells(), bestSlots, best.agreeingBlobs());
        }
    }

    /** How many characters of {@code colour}'s polarity line up on the plate: which way round to read it. */
    public int characterEvidence(Mat plate, PlateColour colour) {
        try (Mat grey = brightCharacters(plate, colour)) {
            return segmenter.agreeingBlobs(grey, layoutFor(colour));
        }
    }

    /**
     * How many characters of {@code colour}'s polarity line up on the plate under Otsu's or, failing that, a local
     * threshold: 0 when the region shows no characters (then it is not worth reading).
     */
    public int characterEvidenceOtsuOrLocal(Mat plate, PlateColour colour) {
        try (Mat grey = brightCharacters(plate, colour)) {
            return segmenter.agreeingBlobsOtsuOrLocal(grey, layoutFor(colour));
        }
    }

    private Result decode(List<CharCell> cells, List<double[]> slots, int agreeingBlobs) {
        List<CharSet> sets = new ArrayList<>();
        sets.add(CharSet.PROVINCE);
        for (int i = 1; i < cells.size(); i++) sets.add(CharSet.SERIAL);
        List<Alternative> alternatives = decoder.decode(sets, slots, ALTERNATIVES);
        double[] confidences = new double[cells.size()];
        if (!alternatives.isEmpty()) {
            String best = alternatives.get(0).text();
            for (int i = 0; i < confidences.length; i++) {
                confidences[i] = slots.get(i)[sets.get(i).indexOf(best.charAt(i))];
            }
        }
        return new Result(alternatives, confidences, cells, agreeingBlobs);
    }

    /**
     * The province character has the finest strokes on the plate and is the one most often misread, so the chosen
     * placement's province cell is classified also shifted left and right and the probabilities averaged.
     */
    private double[] provinceProbabilities(Mat grey, CharCell cell) {
        List<float[]> views = new ArrayList<>();
        double dx = 0.08 * cell.width();
        views.add(CharFeatures.extract(grey, cell));
        views.add(CharFeatures.extract(grey, cell.shifted(-dx, 0)));
        views.add(CharFeatures.extract(grey, cell.shifted(dx, 0)));
        double[][] p = province.probabilities(views);
        double[] mean = new double[p[0].length];
        for (double[] view : p) {
            for (int i = 0; i < mean.length; i++) mean[i] += view[i] / p.length;
        }
        return mean;
    }

    /**
     * One channel with the characters brighter than the background. Red separates both schemes best: white
     * characters are red-bright on a red-dark blue plate, and black characters red-dark on a red-bright yellow or
     * green one (then inverted). Plain grey cannot tell a light blue plate from its white characters.
     */
    public static Mat brightCharacters(Mat plate, PlateColour colour) {
        Mat red = new Mat();
        extractChannel(plate, red, 2);
        if (hasDarkCharacters(colour)) {
            bitwise_not(red, red);
        }
        return red;
    }

    public static boolean hasDarkCharacters(PlateColour colour) {
        return colour == PlateColour.YELLOW || colour == PlateColour.GREEN || colour == PlateColour.WHITE;
    }

    public static PlateLayout layoutFor(PlateColour colour) {
        return colour == PlateColour.GREEN ? PlateLayout.NEW_ENERGY : PlateLayout.ORDINARY;
    }

    @Override
    public void close() {
        province.close();
        serial.close();
    }
}
