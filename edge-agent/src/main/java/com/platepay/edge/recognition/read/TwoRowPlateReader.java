package com.platepay.edge.recognition.read;

import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Reads two-row yellow plates (the rear plates of lorries and buses, 440 x 220 mm): the province and city letter in
 * a short upper row, the five-symbol serial in a tall lower row. A rectified plate has the two-row layout when its
 * lower part shows at least {@value #MIN_SERIAL_BLOBS} dark blobs of the serial's height lined up in a row and clear
 * of the row's top edge (a one-row plate's characters run through it). PaddleOCR then reads each row as a line; the
 * rows joined must be a valid plate.
 */
public final class TwoRowPlateReader {

    /** Rectified size: 0.5 px per mm, as single-row plates. */
    public static final int WIDTH = 220;
    public static final int HEIGHT = 110;
    /** Rows of the rectified plate: the upper row is the top 42 %, the lower row from 32 % down (overlap on purpose). */
    private static final double UPPER_ROW_END = 0.42;
    private static final double LOWER_ROW_START = 0.32;
    /** Serial characters are about 110 of the plate's 220 mm: blobs at least half the lower row's height count. */
    private static final double MIN_BLOB_HEIGHT = 0.45;
    private static final int MIN_SERIAL_BLOBS = 4;
    /**
     * Serial blobs start at least this far (fraction of the lower part's height) below its top edge: on a two-row
     * plate the serial starts ~16 % down, on a one-row plate the characters are cut by the edge.
     */
    private static final double CLEAR_OF_TOP = 0.05;
    /** Serial blobs agree on top and height within this fraction of the median height. */
    private static final double ROW_TOLERANCE = 0.15;
    /** Margin around the serial's blobs, in lower-row heights, for the cuts PaddleOCR reads. */
    private static final double SPAN_MARGIN = 0.25;
    /** Every character must be at least this likely for the reading to count as a plate. */
    private static final double SURE = 0.5;

    private final PaddleTextReader paddle;

    public TwoRowPlateReader(PaddleTextReader paddle) {
        this.paddle = paddle;
    }

    /** Where a two-row plate's serial lies across the rectified plate: the columns PaddleOCR reads both rows in. */
    public record SerialSpan(int left, int right) {
    }

    /**
     * The serial's span when the rectified plate ({@link #WIDTH} x {@link #HEIGHT}) has the two-row layout; empty
     * when it has not.
     */
    public static Optional<SerialSpan> twoRowLayout(Mat plate) {
        List<InkComponents.Box> serial = serialBlobs(plate);
        if (serial.size() < MIN_SERIAL_BLOBS) {
            return Optional.empty();
        }
        // Both rows are read across the serial's span only: a box wider than the plate takes in bumpers, lamps and
        // date stamps, which PaddleOCR would read as well.
        int rows = plate.rows(), cols = plate.cols();
        int margin = (int) (SPAN_MARGIN * (rows - (int) (rows * LOWER_ROW_START)));
        int left = Math.max(0, serial.stream().mapToInt(InkComponents.Box::left).min().orElse(0) - margin);
        int right = Math.min(cols, serial.stream().mapToInt(InkComponents.Box::right).max().orElse(cols) + margin);
        return Optional.of(new SerialSpan(left, right));
    }

    /**
     * The plate text with a probability per character, read row by row across {@code span}; empty when the rows do
     * not read as a valid plate.
     */
    public Optional<PaddleTextReader.Text> read(Mat plate, SerialSpan span) {
        int rows = plate.rows();
        int start = (int) (rows * LOWER_ROW_START);
        int left = span.left(), right = span.right();
        PaddleTextReader.Text upper, lower;
        try (Mat top = new Mat(plate, new Rect(left, 0, right - left, (int) (rows * UPPER_ROW_END)))) {
            upper = paddle.read(top);
        }
        if (upper.text().length() != 2) {
            return Optional.empty();
        }
        try (Mat bottom = new Mat(plate, new Rect(left, start, right - left, rows - start))) {
            lower = paddle.read(bottom);
        }
        String text = upper.text() + lower.text();
        double[] confidences = new double[text.length()];
        System.arraycopy(upper.charConfidences(), 0, confidences, 0, 2);
        System.arraycopy(lower.charConfidences(), 0, confidences, 2, lower.charConfidences().length);
        PaddleTextReader.Text joined = new PaddleTextReader.Text(text, confidences);
        boolean plateNumber = PlateNumber.isValid(text) && joined.minConfidence() >= SURE;
        return plateNumber ? Optional.of(joined) : Optional.empty();
    }

    /** The blobs whose top and height agree with the median blob's: characters in one row, not bumpers or bolts. */
    private static List<InkComponents.Box> linedUp(List<InkComponents.Box> blobs) {
        if (blobs.isEmpty()) return blobs;
        int[] tops = blobs.stream().mapToInt(InkComponents.Box::top).sorted().toArray();
        int[] heights = blobs.stream().mapToInt(InkComponents.Box::height).sorted().toArray();
        int top = tops[tops.length / 2], height = heights[heights.length / 2];
        return blobs.stream().filter(b -> Math.abs(b.top() - top) <= ROW_TOLERANCE * height
                && Math.abs(b.height() - height) <= ROW_TOLERANCE * height).toList();
    }

    /** Dark blobs in the lower row as tall as serial characters (Otsu's threshold of the yellow plate's ink). */
    static List<InkComponents.Box> serialBlobs(Mat plate) {
        int rows = plate.rows(), cols = plate.cols();
        int start = (int) (rows * LOWER_ROW_START);
        try (Mat ink = PlateReader.brightCharacters(plate, PlateColour.YELLOW);
             Mat lowerRow = new Mat(ink, new Rect(0, start, cols, rows - start))) {
            try (Mat binary = CharBinariser.otsu(lowerRow)) {   // a fresh, continuous image
                byte[] pixels = new byte[binary.cols() * binary.rows()];
                binary.data().get(pixels);
                List<InkComponents.Box> boxes = InkComponents.boxes(pixels, binary.cols(), binary.rows());
                int h = binary.rows();
                List<InkComponents.Box> tall = boxes.stream()
                        .filter(b -> b.top() >= CLEAR_OF_TOP * h)
                        .filter(b -> b.height() >= MIN_BLOB_HEIGHT * h && b.height() < 0.98 * h)
                        .filter(b -> b.width() <= 0.9 * b.height() && b.width() >= 0.1 * b.height())
                        .toList();
                return linedUp(tall);
            }
        }
    }
}
