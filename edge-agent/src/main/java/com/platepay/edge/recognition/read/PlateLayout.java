package com.platepay.edge.recognition.read;

/**
 * Where the characters sit on a Chinese plate (GA 36), in millimetres from the plate's top-left corner.
 * The reader uses the spacing to place character cells; the renderer uses it to draw synthetic plates.
 */
public enum PlateLayout {
    /** Blue, yellow, black and white plates: 440 x 140 mm, 7 characters, a wider gap (with a dot) after the second. */
    ORDINARY(440, 45, new double[] {15.5, 72.5, 151.5, 208.5, 265.5, 322.5, 379.5}),
    /** Green new-energy plates: 480 x 140 mm, 8 slightly narrower characters. */
    NEW_ENERGY(480, 43, new double[] {15.5, 67.5, 165.5, 217.5, 269.5, 321.5, 373.5, 425.5});

    public static final double PLATE_HEIGHT_MM = 140;
    public static final double CHAR_TOP_MM = 25;
    public static final double CHAR_HEIGHT_MM = 90;

    private final double widthMm;
    private final double charWidthMm;
    private final double[] charLeftMm;

    PlateLayout(double widthMm, double charWidthMm, double[] charLeftMm) {
        this.widthMm = widthMm;
        this.charWidthMm = charWidthMm;
        this.charLeftMm = charLeftMm;
    }

    public int length() {
        return charLeftMm.length;
    }

    public double widthMm() {
        return widthMm;
    }

    public double charWidthMm() {
        return charWidthMm;
    }

    public double charLeftMm(int slot) {
        return charLeftMm[slot];
    }

    /** Centre of a character slot, in units of the character height (scale-free, for fitting to what is seen). */
    public double charCentreInHeights(int slot) {
        return (charLeftMm[slot] + charWidthMm / 2) / CHAR_HEIGHT_MM;
    }

    public double charWidthInHeights() {
        return charWidthMm / CHAR_HEIGHT_MM;
    }
}
