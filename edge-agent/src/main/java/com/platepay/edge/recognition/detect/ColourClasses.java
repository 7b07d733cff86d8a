package com.platepay.edge.recognition.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.inRange;

import com.platepay.protocol.plate.PlateColour;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Which pixels could be plate background, by hue, saturation and value (OpenCV HSV: H 0-179). Bounds are wide on
 * purpose: a candidate only costs a read, and the reader rejects what is not a plate. Blue and yellow share a
 * value floor of 40 so that plates at dusk or at night still stand out.
 */
enum ColourClasses {
    BLUE(PlateColour.BLUE, 95, 130, 70, 40),
    YELLOW(PlateColour.YELLOW, 11, 34, 80, 40),
    GREEN(PlateColour.GREEN, 35, 85, 45, 80),
    /**
     * Faded, dusty or hazy blue plates: blue hue at the low saturation (25-69) that {@link #BLUE} leaves out. Grey
     * car bodies and tarmac pass too; the plate shape and the reading reject them.
     */
    FADED_BLUE(PlateColour.BLUE, 95, 130, 25, 69, 40, true);

    final PlateColour colour;
    /** Whether this class's regions are mostly not plates (see {@link PlateCandidate#faint()}). */
    final boolean faint;
    private final int hueMin;
    private final int hueMax;
    private final int saturationMin;
    private final int saturationMax;
    private final int valueMin;

    ColourClasses(PlateColour colour, int hueMin, int hueMax, int saturationMin, int valueMin) {
        this(colour, hueMin, hueMax, saturationMin, 255, valueMin, false);
    }

    ColourClasses(PlateColour colour, int hueMin, int hueMax, int saturationMin, int saturationMax, int valueMin,
                  boolean faint) {
        this.colour = colour;
        this.faint = faint;
        this.saturationMax = saturationMax;
        this.hueMin = hueMin;
        this.hueMax = hueMax;
        this.saturationMin = saturationMin;
        this.valueMin = valueMin;
    }

    /** 255 where an HSV pixel is of this class. */
    Mat mask(Mat hsv) {
        Mat mask = new Mat();
        try (Mat lower = bound(hueMin, saturationMin, valueMin); Mat upper = bound(hueMax, saturationMax, 255)) {
            inRange(hsv, lower, upper, mask);
        }
        return mask;
    }

    /**
     * A per-channel bound as OpenCV passes a Scalar: 4x1 doubles. (A 1x1 image-typed bound matches nothing, and an
     * image-sized one costs an allocation as large as the frame.)
     */
    private static Mat bound(double h, double s, double v) {
        Mat bound = new Mat(4, 1, CV_64F);
        new DoublePointer(bound.data()).put(h, s, v, 0);
        return bound;
    }
}
