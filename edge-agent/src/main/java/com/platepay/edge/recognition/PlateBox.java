package com.platepay.edge.recognition;

/** A plate's rotated rectangle in frame pixels: centre, size along its own axes, and angle in degrees (OpenCV's convention). */
public record PlateBox(double cx, double cy, double width, double height, double angleDeg) {

    /** The same box in a frame scaled by {@code factor}. */
    public PlateBox scaled(double factor) {
        return new PlateBox(cx * factor, cy * factor, width * factor, height * factor, angleDeg);
    }

    /** The same region described with its long side as width and an angle in (-45, 45]. */
    public PlateBox landscape() {
        double w = width, h = height, a = angleDeg;
        if (h > w) {
            double t = w; w = h; h = t;
            a += 90;
        }
        while (a > 45) a -= 180;
        while (a <= -135) a += 180;
        if (a <= -45) a += 180;
        return new PlateBox(cx, cy, w, h, a);
    }
}
