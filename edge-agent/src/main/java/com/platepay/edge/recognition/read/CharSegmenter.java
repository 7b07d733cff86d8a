package com.platepay.edge.recognition.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

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
    /** Frame bars are looked for in this fraction of the rows at the top and at the bottom. */
    private static final double FRAME_BAND = 0.3;
    /** A horizontal run of ink this long (fraction of the plate's width) is frame, not a character. */
    private static final double FRAME_RUN = 0.2;

    /** Where the characters may be, and how many character blobs agree (0 for the nominal layout). */
    public record Placement(List<CharCell> cells, int agreeingBlobs) {
    }

    /** Candidate cell placements for {@code grey} (bright characters), most blobs agreeing first, nominal last. */
    public List<Placement> placements(Mat grey, PlateLayout layout) {
        List<Placement> placements = new ArrayList<>();
        for (Fit fit : fits(grey, layout)) {
            placements.add(new Placement(cellsOf(fit, layout), fit.agreeing));
        }
        placements.add(new Placement(nominalCells(grey.cols(), grey.rows(), layout), 0));
        return placements;
    }

    /**
     * How many character blobs of Otsu's binarisation the best placement explains: 0 when none fits, up to the
     * plate's length. A quick test of polarity (which colour a plate is), not a reading.
     */
    public int agreeingBlobs(Mat grey, PlateLayout layout) {
        try (Mat otsu = CharBinariser.otsu(grey)) {
            List<Fit> fits = bestFits(characterBlobs(otsu), layout, grey.cols());
            return fits.isEmpty() ? 0 : fits.get(0).agreeing();
        }
    }

    /**
     * As {@link #agreeingBlobs}, with the blobs of the local threshold also tried when Otsu's line up none: the
     * test of whether a region shows characters at all, dim and hazy plates included.
     */
    public int agreeingBlobsOtsuOrLocal(Mat grey, PlateLayout layout) {
        int otsu = agreeingBlobs(grey, layout);
        if (otsu > 0) return otsu;
        try (Mat local = CharBinariser.local(grey)) {
            List<Fit> fits = bestFits(characterBlobs(local), layout, grey.cols());
            return fits.isEmpty() ? 0 : fits.get(0).agreeing();
        }
    }

    /**
     * Fits to the blobs of Otsu's binarisation, which separates clean plates best; when that leaves more than one
     * character unexplained, also to those of a local threshold, which copes with dim, hazy or unevenly lit plates.
     */
    private static List<Fit> fits(Mat grey, PlateLayout layout) {
        List<Fit> fits;
        try (Mat otsu = CharBinariser.otsu(grey)) {
            fits = bestFits(characterBlobs(otsu), layout, grey.cols());
        }
        if (fits.isEmpty() || fits.get(0).agreeing() < layout.length() - 1) {
            try (Mat local = CharBinariser.local(grey)) {
                fits.addAll(bestFits(characterBlobs(local), layout, grey.cols()));
            }
            fits = distinct(fits);
        }
        return fits;
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

    private static List<Blob> characterBlobs(Mat binary) {
        List<Blob> blobs = new ArrayList<>();
        int rows = binary.rows();
        byte[] ink = new byte[binary.cols() * rows];
        binary.data().get(ink); // a fresh threshold output: continuous
        clearFrameBars(ink, binary.cols(), rows);
        for (InkComponents.Box box : InkComponents.boxes(ink, binary.cols(), rows)) {
            int h = box.height();
            // Blobs may touch the top or bottom: a tight candidate box clips the characters.
            boolean tallEnough = h >= 0.3 * rows && h <= 0.97 * rows;
            boolean narrowEnough = box.width() <= 0.75 * h;
            if (tallEnough && narrowEnough) {
                blobs.add(new Blob(box.left() + box.width() / 2.0, box.top(), box.bottom()));
            }
        }
        if (blobs.size() < MIN_AGREEING_BLOBS) {
            return new ArrayList<>();
        }
        int[] heights = blobs.stream().mapToInt(Blob::height).sorted().toArray();
        double median = heights[heights.length / 2];
        blobs.removeIf(b -> Math.abs(b.height() - median) > 0.2 * median);
        return blobs;
    }

    /**
     * Clears long horizontal runs of ink near the top and bottom: a bright plate frame or chrome surround that the
     * characters touch would otherwise join them all into one blob. A run through a character is at most its width
     * (a tenth of the plate's), so a run of {@value #FRAME_RUN} of the width or more is frame, even where the frame
     * is slanted or broken and no single row is all ink.
     */
    private static void clearFrameBars(byte[] ink, int width, int height) {
        int longRun = (int) Math.ceil(FRAME_RUN * width);
        for (int y = 0; y < height; y++) {
            if (y > height * FRAME_BAND && y < height * (1 - FRAME_BAND)) continue;
            int row = y * width;
            int x = 0;
            while (x < width) {
                if (ink[row + x] == 0) {
                    x++;
                    continue;
                }
                int end = x;
                while (end < width && ink[row + end] != 0) end++;
                if (end - x >= longRun) {
                    java.util.Arrays.fill(ink, row + x, row + end, (byte) 0);
                }
                x = end;
            }
        }
    }

    /** Tries each blob as each slot; keeps the distinct placements most blobs agree with that stay on the plate. */
    private static List<Fit> bestFits(List<Blob> blobs, PlateLayout layout, int imageWidth) {
        if (blobs.size() < MIN_AGREEING_BLOBS) {
            return new ArrayList<>();
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
        return distinct(fits);
    }

    /** The best-agreeing fits that place the characters differently (not within a quarter character height). */
    private static List<Fit> distinct(List<Fit> fits) {
        fits.sort(Comparator.comparingInt(Fit::agreeing).reversed().thenComparingDouble(Fit::residual));
        List<Fit> distinct = new ArrayList<>();
        for (Fit fit : fits) {
            double height = fit.bottom - fit.top;
            if (distinct.size() < MAX_PLACEMENTS && distinct.stream().noneMatch(d ->
                    Math.abs(d.origin - fit.origin) < 0.25 * height && Math.abs(d.top - fit.top) < 0.1 * height)) {
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
