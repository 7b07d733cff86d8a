package com.platepay.edge.recognition.detect;

import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;

import com.platepay.edge.recognition.PlateBox;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.RotatedRect;

/** The outer contours of a binary mask that are shaped like a plate: elongated, nearly level, solid. */
final class PlateShape {

    private static final double MIN_WIDTH = 22;
    private static final double MIN_HEIGHT = 7;
    private static final double MAX_TILT_DEG = 30;
    /** A plate region fills most of its rotated rectangle; a fender or a sky patch does not. */
    private static final double MIN_FILL = 0.45;

    private final double minAspect;
    private final double maxAspect;

    PlateShape(double minAspect, double maxAspect) {
        this.minAspect = minAspect;
        this.maxAspect = maxAspect;
    }

    List<PlateBox> regions(Mat mask) {
        List<PlateBox> boxes = new ArrayList<>();
        try (MatVector contours = new MatVector(); Mat hierarchy = new Mat()) {
            findContours(mask, contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            for (long i = 0; i < contours.size(); i++) {
                Mat contour = contours.get(i);
                if (contour.rows() < 4) continue;
                RotatedRect r = minAreaRect(contour);
                PlateBox box = new PlateBox(r.center().x(), r.center().y(), r.size().width(), r.size().height(),
                        r.angle()).landscape();
                if (fits(box, contourArea(contour))) {
                    boxes.add(box);
                }
            }
        }
        return boxes;
    }

    private boolean fits(PlateBox box, double area) {
        double aspect = box.width() / Math.max(box.height(), 1e-6);
        return box.width() >= MIN_WIDTH && box.height() >= MIN_HEIGHT
                && aspect >= minAspect && aspect <= maxAspect
                && Math.abs(box.angleDeg()) <= MAX_TILT_DEG
                && area >= MIN_FILL * box.width() * box.height();
    }
}
