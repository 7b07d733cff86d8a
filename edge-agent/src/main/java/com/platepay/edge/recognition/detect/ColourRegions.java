package com.platepay.edge.recognition.detect;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import com.platepay.edge.recognition.PlateBox;
import java.util.ArrayList;
import java.util.List;
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
            for (ColourClasses colourClass : ColourClasses.values()) {
                for (PlateBox box : regions(hsv, colourClass)) {
                    candidates.add(new PlateCandidate(box, List.of(colourClass.colour), colourClass.faint));
                }
            }
        }
        return candidates;
    }

    private List<PlateBox> regions(Mat hsv, ColourClasses colourClass) {
        try (Mat mask = colourClass.mask(hsv); Mat kernel = getStructuringElement(MORPH_RECT, new Size(3, 3))) {
            morphologyEx(mask, mask, MORPH_CLOSE, kernel);
            return shape.regions(mask);
        }
    }
}
