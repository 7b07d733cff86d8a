package com.platepay.edge.recognition.read;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns a character cell into the classifier's feature vector: a histogram of gradient orientations per 4x4 cell
 * (shape, insensitive to brightness) plus a coarse 8x16 thumbnail (stroke layout). Training and reading both
 * go through {@link #extract} so the classifier sees the same numbers in both.
 */
public final class CharFeatures {

    static final int W = 16;
    static final int H = 32;
    private static final int CELL = 4;
    private static final int BINS = 9;
    private static final int THUMB_W = 8;
    private static final int THUMB_H = 16;
    public static final int LENGTH = (W / CELL) * (H / CELL) * BINS + THUMB_W * THUMB_H;

    /** Padding around the cell: glyphs overhang the nominal cell a little and the fit is not exact. */
    private static final double PAD_X = 0.12;
    private static final double PAD_Y = 0.05;

    private CharFeatures() {
    }

    /** Features of {@code cell} in {@code grey}, a rectified plate with bright characters on a dark background. */
    public static float[] extract(Mat grey, CharCell cell) {
        CharCell padded = cell.scaled(1 + 2 * PAD_X, 1 + 2 * PAD_Y);
        int x0 = clamp((int) Math.round(padded.x()), 0, grey.cols() - 1);
        int y0 = clamp((int) Math.round(padded.y()), 0, grey.rows() - 1);
        int x1 = clamp((int) Math.round(padded.x() + padded.width()), x0 + 1, grey.cols());
        int y1 = clamp((int) Math.round(padded.y() + padded.height()), y0 + 1, grey.rows());
        byte[] bytes = new byte[W * H];
        try (Mat roi = new Mat(grey, new Rect(x0, y0, x1 - x0, y1 - y0)); Mat small = new Mat()) {
            resize(roi, small, new Size(W, H), 0, 0, INTER_AREA);
            small.data().get(bytes); // one bulk copy instead of an indexer call per pixel
        }
        float[] pixels = new float[W * H];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = bytes[i] & 0xff;
        }
        return fromPixels(pixels);
    }

    static float[] fromPixels(float[] pixels) {
        standardise(pixels);
        float[] out = new float[LENGTH];
        int n = orientationHistograms(pixels, out);
        thumbnail(pixels, out, n);
        return out;
    }

    private static void standardise(float[] p) {
        double sum = 0, sq = 0;
        for (float v : p) {
            sum += v;
            sq += v * v;
        }
        double mean = sum / p.length;
        double sd = Math.sqrt(Math.max(sq / p.length - mean * mean, 1e-6)) + 8; // +8: keep flat noise from blowing up
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) ((p[i] - mean) / sd);
        }
    }

    private static int orientationHistograms(float[] p, float[] out) {
        int cellsX = W / CELL;
        for (int y = 0; y < H; y++) {
            int row = y * W, up = Math.max(y - 1, 0) * W, down = Math.min(y + 1, H - 1) * W;
            int cellRow = (y / CELL) * cellsX;
            for (int x = 0; x < W; x++) {
                float gx = p[row + Math.min(x + 1, W - 1)] - p[row + Math.max(x - 1, 0)];
                float gy = p[down + x] - p[up + x];
                double mag = Math.sqrt(gx * gx + gy * gy);
                double bin = unsignedAngle(gx, gy) / Math.PI * BINS - 0.5;
                int b0 = (int) Math.floor(bin); // -1 .. BINS - 1: the angle is in [0, pi]
                double frac = bin - b0;
                int base = (cellRow + x / CELL) * BINS;
                out[base + (b0 < 0 ? b0 + BINS : b0)] += (float) (mag * (1 - frac));
                out[base + (b0 + 1 == BINS ? 0 : b0 + 1)] += (float) (mag * frac);
            }
        }
        int n = (W / CELL) * (H / CELL) * BINS;
        double norm = 0;
        for (int i = 0; i < n; i++) norm += out[i] * out[i];
        norm = Math.sqrt(norm) + 1e-6;
        for (int i = 0; i < n; i++) out[i] = (float) Math.sqrt(out[i] / norm) * 2;
        return n;
    }

    /**
     * Gradient direction in [0, pi): bright-on-dark and dark-on-bright strokes look alike. A polynomial arctangent
     * (error below 0.01 rad, far under a 20-degree bin) because Math.atan2 dominated the reading time.
     */
    static double unsignedAngle(double gx, double gy) {
        if (gy < 0 || (gy == 0 && gx < 0)) {
            gx = -gx;
            gy = -gy;
        }
        double ax = Math.abs(gx), ay = Math.abs(gy);
        if (ax < 1e-12 && ay < 1e-12) return 0;
        double r = Math.min(ax, ay) / Math.max(ax, ay);
        double a = r * (Math.PI / 4 + 0.273 * (1 - r)); // atan(r) for r in [0, 1]
        if (ay > ax) a = Math.PI / 2 - a;
        return gx < 0 ? Math.PI - a : a;
    }

    private static void thumbnail(float[] p, float[] out, int offset) {
        int fx = W / THUMB_W, fy = H / THUMB_H;
        for (int ty = 0; ty < THUMB_H; ty++) {
            for (int tx = 0; tx < THUMB_W; tx++) {
                float s = 0;
                for (int y = 0; y < fy; y++) {
                    for (int x = 0; x < fx; x++) s += p[(ty * fy + y) * W + tx * fx + x];
                }
                out[offset + ty * THUMB_W + tx] = s / (fx * fy) * 0.5f;
            }
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
