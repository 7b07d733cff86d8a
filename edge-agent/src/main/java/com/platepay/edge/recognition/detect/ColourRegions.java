package com.platepay.edge.recognition.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import com.platepay.edge.recognition.PlateBox;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Plate-shaped regions of plate colour. The outer contour of a colour region ignores the characters inside it, so
 * no wide closing is needed that would glue a plate to a same-coloured car body.
 */
final class ColourRegions {

    private final PlateShape shape = new PlateShape(1.8, 6.5);

    List<PlateCandidate> find(Mat bgr) {
        List<PlateCandidate> candidates = new ArrayList<>();
        try (Mat hsv = new Mat()) {
            cvtColor(bgr, hsv, COLOR_BGR2HSV);
            byte[][] masks = colourMasks(hsv);
            for (ColourClasses colourClass : ColourClasses.values()) {
                for (PlateBox box : regions(masks[colourClass.ordinal()], hsv.cols(), hsv.rows())) {
                    candidates.add(new PlateCandidate(box, List.of(colourClass.colour)));
                }
            }
        }
        return candidates;
    }

    /** One pass over the pixels for all colour classes (cheaper than an inRange per colour). */
    private static byte[][] colourMasks(Mat hsv) {
        int n = hsv.cols() * hsv.rows();
        byte[] pixels = new byte[n * 3];
        hsv.data().get(pixels);
        ColourClasses[] classes = ColourClasses.values();
        byte[][] masks = new byte[classes.length][n];
        for (int i = 0; i < n; i++) {
            int h = pixels[3 * i] & 0xff, s = pixels[3 * i + 1] & 0xff, v = pixels[3 * i + 2] & 0xff;
            for (int c = 0; c < classes.length; c++) {
                if (classes[c].matches(h, s, v)) {
                    masks[c][i] = (byte) 255;
                }
            }
        }
        return masks;
    }

    private List<PlateBox> regions(byte[] maskBytes, int cols, int rows) {
        try (Mat mask = new Mat(rows, cols, CV_8UC1); Mat kernel = getStructuringElement(MORPH_RECT, new Size(3, 3))) {
            new BytePointer(mask.data()).put(maskBytes);
            morphologyEx(mask, mask, MORPH_CLOSE, kernel);
            return shape.regions(mask);
        }
    }
}
