package com.platepay.edge.recognition.read;

import static org.bytedeco.opencv.global.opencv_imgproc.ADAPTIVE_THRESH_MEAN_C;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.adaptiveThreshold;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** Character ink of a rectified plate (bright characters): white on black binary images. */
final class CharBinariser {

    /** About a character's width: the local mean then sits between stroke and background. */
    private static final int LOCAL_BLOCK = 25;
    /** Ink must be this much brighter than its neighbourhood, so flat background stays background. */
    private static final double LOCAL_MARGIN = 6;

    private CharBinariser() {
    }

    /** Otsu's threshold of the plate's middle (the frame around it would skew it), applied to the whole plate. */
    static Mat otsu(Mat grey) {
        int rows = grey.rows(), cols = grey.cols();
        Mat binary = new Mat();
        try (Mat middle = new Mat(grey, new Rect(cols / 20, rows / 6, cols * 9 / 10, rows * 2 / 3));
             Mat ignored = new Mat()) {
            double level = threshold(middle, ignored, 0, 255, THRESH_BINARY | THRESH_OTSU);
            threshold(grey, binary, level, 255, THRESH_BINARY);
        }
        return binary;
    }

    /** Ink where a pixel is clearly brighter than the mean of its neighbourhood. */
    static Mat local(Mat grey) {
        Mat binary = new Mat();
        adaptiveThreshold(grey, binary, 255, ADAPTIVE_THRESH_MEAN_C, THRESH_BINARY, LOCAL_BLOCK, -LOCAL_MARGIN);
        return binary;
    }
}
