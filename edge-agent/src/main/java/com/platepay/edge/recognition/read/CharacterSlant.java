package com.platepay.edge.recognition.read;

import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import com.platepay.protocol.plate.PlateColour;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How far the characters of a rectified plate lean: the horizontal shear under which the ink's column profile is
 * sharpest (upright strokes stack into few columns, the gaps between characters empty out). Plates seen from the
 * side lean by up to about 20 degrees.
 */
public final class CharacterSlant {

    /** Shears tried, as tan of the lean: 0, then outwards in steps of about 4 degrees up to about 20. */
    private static final double[] SHEARS = {0, -0.07, 0.07, -0.14, 0.14, -0.21, 0.21, -0.28, 0.28, -0.36, 0.36};
    /** A lean must sharpen the profile by this factor to count: the upright reading is the default. */
    private static final double CLEAR_GAIN = 1.05;

    private CharacterSlant() {
    }

    /** The shear to pass to {@code PlateRectifier.rectify}: 0 for upright characters. */
    public static double estimate(Mat plate, PlateColour colour) {
        int rows = plate.rows(), cols = plate.cols();
        byte[] ink = new byte[rows * cols];
        try (Mat grey = PlateReader.brightCharacters(plate, colour); Mat binary = new Mat()) {
            threshold(grey, binary, 0, 1, THRESH_BINARY | THRESH_OTSU);
            new BytePointer(binary.data()).get(ink);
        }
        int[][] inkColumns = inkColumnsOfMiddleRows(ink, rows, cols);
        double best = 0, bestSharpness = 0;
        for (double shear : SHEARS) {
            double sharpness = sharpness(inkColumns, rows, cols, shear);
            if (shear == 0) {
                bestSharpness = sharpness * CLEAR_GAIN;
            } else if (sharpness > bestSharpness) {
                bestSharpness = sharpness;
                best = shear;
            }
        }
        return best;
    }

    /** Per row of the plate's middle half (where the characters are), the columns holding ink. */
    private static int[][] inkColumnsOfMiddleRows(byte[] ink, int rows, int cols) {
        int[][] columns = new int[rows / 2][];
        int[] row = new int[cols];
        for (int r = 0; r < columns.length; r++) {
            int y = rows / 4 + r, n = 0;
            for (int x = 0; x < cols; x++) {
                if (ink[y * cols + x] != 0) row[n++] = x;
            }
            columns[r] = java.util.Arrays.copyOf(row, n);
        }
        return columns;
    }

    /** Sum of squared column counts of the ink, columns taken along the sheared vertical. */
    private static double sharpness(int[][] inkColumns, int rows, int cols, double shear) {
        int[] counts = new int[cols];
        for (int r = 0; r < inkColumns.length; r++) {
            // Output column x samples x + shear * (y - rows / 2), so ink at column c lands in c - that offset.
            int offset = (int) Math.round(shear * (rows / 4 + r - rows / 2.0));
            for (int x : inkColumns[r]) {
                int c = x - offset;
                if (c >= 0 && c < cols) counts[c]++;
            }
        }
        double sum = 0;
        for (int c : counts) sum += (double) c * c;
        return sum;
    }
}
