package com.platepay.edge.recognition;

import static org.bytedeco.opencv.global.opencv_imgproc.INTERSECT_NONE;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.rotatedRectangleIntersection;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Size2f;

/** Intersection over union of two rotated boxes. */
public final class BoxOverlap {

    private BoxOverlap() {
    }

    public static double iou(PlateBox a, PlateBox b) {
        try (RotatedRect ra = toRotatedRect(a); RotatedRect rb = toRotatedRect(b); Mat region = new Mat()) {
            if (rotatedRectangleIntersection(ra, rb, region) == INTERSECT_NONE || region.rows() < 3) {
                return 0;
            }
            double intersection = contourArea(region);
            double union = a.width() * a.height() + b.width() * b.height() - intersection;
            return union <= 0 ? 0 : intersection / union;
        }
    }

    private static RotatedRect toRotatedRect(PlateBox b) {
        return new RotatedRect(new Point2f((float) b.cx(), (float) b.cy()),
                new Size2f((float) b.width(), (float) b.height()), (float) b.angleDeg());
    }
}
