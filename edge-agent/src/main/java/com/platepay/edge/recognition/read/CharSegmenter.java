package com.platepay.edge.recognition.read;

import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Places the character cells on a rectified plate. Letters and digits binarise into one blob each; their centres,
 * fitted to the plate's known spacing ({@link PlateLayout}), fix where every slot is, including the province
 * character, which often breaks into several blobs. Blobs can fit more than one placement (a stray blob at an end
 * shifts everything by a slot), so this proposes a few and the reader keeps the one that reads best; the nominal
 * layout is always among them for plates too blurred or dirty to binarise.
 */
public final class CharSegmenter {

    private static final int MIN_AGREEING_BLOBS = 3;
    private static final int MAX_PLACEMENTS = 3;
    /** A blob belongs to a slot when its centre is this close to the slot's, in character heights. */
    private static final double SLOT_TOLERANCE = 0.2;

    /** Candidate cell placements for {@code grey} (bright characters), most blobs agreeing first, nominal last. */
    public List<List<CharCell>> placements(Mat grey, PlateLayout layout) {
        List<Blob> blobs = characterBlobs(grey);
        List<List<CharCell>> placements = new ArrayList<>();
        for (Fit fit : bestFits(blobs, layout, grey.cols())) {
            placements.add(cellsOf(fit, layout));
        }
        placements.add(nominalCells(grey.cols(), grey.rows(), layout));
        return placements;
    }

    /** How many character blobs the best placement explains: 0 when none fits, up to the plate's length. */
    public int agreeingBlobs(Mat grey, PlateLayout layout) {
        List<Fit> fits = bestFits(characterBlobs(grey), layout, grey.cols());
        return fits.isEmpty() ? 0 : fits.get(0).agreeing();
    }

    /** Where the characters are on a plate that fills the image exactly. */
    private static List<CharCell> nominalCells(int width, int height, PlateLayout layout) {
        double sx = width / layout.widthMm(), sy = height / PlateLayout.PLATE_HEIGHT_MM;
        List<CharCell> cells = new ArrayList<>(layout.length());
        for (int slot = 0; slot < layout.length(); slot++) {
            cells.add(new CharCell(layout.charLeftMm(slot) * sx, PlateLayout.CHAR_TOP_MM * sy,
                    layout.charWidthMm() * sx, PlateLayout.CHAR_HEIGHT_MM * sy));
        }
        return cells;
    }

    private record Blob(double cx, int top, int bottom) {
        int height() {
            return bottom - top;
        }
    }

    /** Character centre of slot s is at {@code origin + scale * layout.charCentreInHeights(s)}. */
    private record Fit(double origin, double scale, double top, double bottom, int agreeing, double residual) {
    }

    private static List<CharCell> cellsOf(Fit fit, PlateLayout layout) {
        List<CharCell> cells = new ArrayList<>(layout.length());
        double width = fit.scale * layout.charWidthInHeights();
        for (int slot = 0; slot < layout.length(); slot++) {
            double cx = fit.origin + fit.scale * layout.charCentreInHeights(slot);
            cells.add(new CharCell(cx - width / 2, fit.top, width, fit.bottom - fit.top));
        }
        return cells;
    }

    private static List<Blob> characterBlobs(Mat grey) {
        List<Blob> blobs = new ArrayList<>();
        int rows = grey.rows(), cols = grey.cols();
        try (Mat binary = new Mat(); Mat labels = new Mat(); Mat stats = new Mat(); Mat centroids = new Mat()) {
            // Otsu on the middle of the plate only: the frame around it would skew the threshold.
            double level;
            try (Mat middle = new Mat(grey, new Rect(cols / 20, rows / 6, cols * 9 / 10, rows * 2 / 3)); Mat ignored = new Mat()) {
                level = threshold(middle, ignored, 0, 255, THRESH_BINARY | THRESH_OTSU);
            }
            threshold(grey, binary, level, 255, THRESH_BINARY);
            int n = connectedComponentsWithStats(binary, labels, stats, centroids);
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    int x = s.get(i, 0), y = s.get(i, 1), w = s.get(i, 2), h = s.get(i, 3);
                    boolean tallEnough = h >= 0.3 * rows && h <= 0.97 * rows;
                    boolean narrowEnough = w <= 0.75 * h;
                    if (tallEnough && narrowEnough && y > 0 && y + h < rows) {
                        blobs.add(new Blob(x + w / 2.0, y, y + h));
                    }
                }
            }
        }
        if (blobs.size() < MIN_AGREEING_BLOBS) {
            return List.of();
        }
        int[] heights = blobs.stream().mapToInt(Blob::height).sorted().toArray();
        double median = heights[heights.length / 2];
        blobs.removeIf(b -> Math.abs(b.height() - median) > 0.2 * median);
        return blobs;
    }

    /** Tries each blob as each slot; keeps the distinct placements most blobs agree with that stay on the plate. */
    private static List<Fit> bestFits(List<Blob> blobs, PlateLayout layout, int imageWidth) {
        if (blobs.size() < MIN_AGREEING_BLOBS) {
            return List.of();
        }
        double top = median(blobs.stream().mapToDouble(Blob::top).toArray());
        double bottom = median(blobs.stream().mapToDouble(Blob::bottom).toArray());
        double height = bottom - top;
        List<Fit> fits = new ArrayList<>();
        for (Blob anchor : blobs) {
            for (int slot = 0; slot < layout.length(); slot++) {
                double origin = anchor.cx - height * layout.charCentreInHeights(slot);
                int[] slots = assignSlots(blobs, layout, origin, height);
                Fit fit = leastSquares(blobs, layout, slots, height, top, bottom);
                if (fit != null && fit.agreeing >= MIN_AGREEING_BLOBS && staysOnPlate(fit, layout, imageWidth)) {
                    fits.add(fit);
                }
            }
        }
        fits.sort(Comparator.comparingInt(Fit::agreeing).reversed().thenComparingDouble(Fit::residual));
        List<Fit> distinct = new ArrayList<>();
        for (Fit fit : fits) {
            if (distinct.size() < MAX_PLACEMENTS
                    && distinct.stream().noneMatch(d -> Math.abs(d.origin - fit.origin) < 0.25 * height)) {
                distinct.add(fit);
            }
        }
        return distinct;
    }

    private static boolean staysOnPlate(Fit fit, PlateLayout layout, int imageWidth) {
        double halfWidth = fit.scale * layout.charWidthInHeights() / 2;
        double first = fit.origin + fit.scale * layout.charCentreInHeights(0);
        double last = fit.origin + fit.scale * layout.charCentreInHeights(layout.length() - 1);
        return first - halfWidth > -0.5 * halfWidth && last + halfWidth < imageWidth + 0.5 * halfWidth;
    }

    /** For each blob, the nearest free slot within {@link #SLOT_TOLERANCE}, or -1. */
    private static int[] assignSlots(List<Blob> blobs, PlateLayout layout, double origin, double height) {
        int[] slots = new int[blobs.size()];
        boolean[] taken = new boolean[layout.length()];
        for (int i = 0; i < blobs.size(); i++) {
            slots[i] = -1;
            double best = SLOT_TOLERANCE * height;
            for (int slot = 0; slot < layout.length(); slot++) {
                double d = Math.abs(blobs.get(i).cx - origin - height * layout.charCentreInHeights(slot));
                if (d < best && !taken[slot]) {
                    best = d;
                    slots[i] = slot;
                }
            }
            if (slots[i] >= 0) {
                taken[slots[i]] = true;
            }
        }
        return slots;
    }

    /** Origin and scale by least squares over the blobs assigned to slots; null when none are. */
    private static Fit leastSquares(List<Blob> blobs, PlateLayout layout, int[] slots, double height,
                                    double top, double bottom) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] < 0) continue;
            double x = layout.charCentreInHeights(slots[i]), y = blobs.get(i).cx;
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        if (n == 0) {
            return null;
        }
        double denominator = n * sxx - sx * sx;
        double scale = Math.abs(denominator) < 1e-9 ? height : (n * sxy - sx * sy) / denominator;
        if (scale < 0.8 * height || scale > 1.25 * height) {
            scale = height; // blobs on too few slots to trust a fitted scale
        }
        double origin = (sy - scale * sx) / n;
        double residual = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] >= 0) {
                residual += Math.abs(blobs.get(i).cx - origin - scale * layout.charCentreInHeights(slots[i]));
            }
        }
        return new Fit(origin, scale, top, bottom, (int) n, residual);
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        return values[values.length / 2];
    }
}
