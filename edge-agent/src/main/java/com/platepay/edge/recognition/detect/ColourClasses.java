package com.platepay.edge.recognition.detect;

import com.platepay.protocol.plate.PlateColour;

/**
 * Which pixels could be plate background, by hue, saturation and value (OpenCV HSV: H 0-179). Bounds are wide on
 * purpose: a candidate only costs a read, and the reader rejects what is not a plate.
 */
enum ColourClasses {
    BLUE(PlateColour.BLUE, 95, 130, 70, 40),
    YELLOW(PlateColour.YELLOW, 11, 34, 80, 70),
    GREEN(PlateColour.GREEN, 35, 85, 45, 80);

    final PlateColour colour;
    private final int hueMin;
    private final int hueMax;
    private final int saturationMin;
    private final int valueMin;

    ColourClasses(PlateColour colour, int hueMin, int hueMax, int saturationMin, int valueMin) {
        this.colour = colour;
        this.hueMin = hueMin;
        this.hueMax = hueMax;
        this.saturationMin = saturationMin;
        this.valueMin = valueMin;
    }

    boolean matches(int h, int s, int v) {
        return h >= hueMin && h <= hueMax && s >= saturationMin && v >= valueMin;
    }
}
