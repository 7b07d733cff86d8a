package com.platepay.edge.recognition.read;

/** A character's box inside a rectified plate image, in pixels (fractional: cells come from a geometric fit). */
public record CharCell(double x, double y, double width, double height) {

    public double centreX() {
        return x + width / 2;
    }

    public CharCell shifted(double dx, double dy) {
        return new CharCell(x + dx, y + dy, width, height);
    }

    /** Grows the box about its centre by the given factors. */
    public CharCell scaled(double fx, double fy) {
        double w = width * fx, h = height * fy;
        return new CharCell(centreX() - w / 2, y + height / 2 - h / 2, w, h);
    }
}
