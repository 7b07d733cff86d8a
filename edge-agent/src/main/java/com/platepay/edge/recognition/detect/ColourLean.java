package com.platepay.edge.recognition.detect;

import com.platepay.edge.recognition.PlateBox;
import com.platepay.protocol.plate.PlateColour;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Which way a plate region's mean colour leans: blue background outweighs white characters, yellow outweighs
 * black ones. Settles the colour of a candidate found by its edges, whose mask says nothing about colour.
 */
final class ColourLean {

    /** Blue minus red mean, in grey levels, that settles the colour without reading it both ways. */
    private static final double CLEAR_LEAN = 25;
    static final List<PlateColour> UNKNOWN = List.of(PlateColour.BLUE, PlateColour.YELLOW);

    private ColourLean() {
    }

    /** Blue or yellow when the region under the upright bounds of {@code box} leans clearly one way, else both. */
    static List<PlateColour> of(Mat bgr, PlateBox box) {
        int x0 = (int) Math.max(0, box.cx() - box.width() / 2), y0 = (int) Math.max(0, box.cy() - box.height() / 2);
        int x1 = (int) Math.min(bgr.cols(), box.cx() + box.width() / 2);
        int y1 = (int) Math.min(bgr.rows(), box.cy() + box.height() / 2);
        if (x1 - x0 < 2 || y1 - y0 < 2) return UNKNOWN;
        try (Mat roi = new Mat(bgr, new Rect(x0, y0, x1 - x0, y1 - y0))) {
            Scalar mean = opencv_core.mean(roi);
            double blueOverRed = mean.get(0) - mean.get(2);
            if (blueOverRed > CLEAR_LEAN) return List.of(PlateColour.BLUE);
            if (blueOverRed < -CLEAR_LEAN) return List.of(PlateColour.YELLOW);
            return UNKNOWN;
        }
    }
}
