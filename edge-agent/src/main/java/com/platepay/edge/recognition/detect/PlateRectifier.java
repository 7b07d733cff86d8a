package com.platepay.edge.recognition.detect;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.getAffineTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import com.platepay.edge.recognition.PlateBox;
import com.platepay.edge.recognition.read.CharCell;
import com.platepay.edge.recognition.read.PlateLayout;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Cuts a plate box out of a frame and turns it upright at a fixed size (0.5 px per mm of plate), undoing tilt. */
public final class PlateRectifier {

    public static final double PIXELS_PER_MM = 0.5;

    /** Image height of every rectified plate. */
    public static final int HEIGHT = (int) (PlateLayout.PLATE_HEIGHT_MM * PIXELS_PER_MM);

    private PlateRectifier() {
    }

    public static int width(PlateLayout layout) {
        return (int) Math.round(layout.widthMm() * PIXELS_PER_MM);
    }

    /** The rectified plate, and the 2x3 affine map from frame pixels to rectified pixels. */
    public record Rectified(Mat plate, double[] frameToPlate) {
    }

    public static Rectified rectify(Mat frame, PlateBox box, PlateLayout layout) {
        return rectify(frame, box, layout, 0);
    }

    /**
     * As {@link #rectify(Mat, PlateBox, PlateLayout)}, with a horizontal shear undone as well: output pixel (x, y)
     * comes from the unsheared plate's (x + shear * (y - HEIGHT / 2), y). A plate seen from the side has slanted
     * characters that a rotated box cannot straighten.
     */
    public static Rectified rectify(Mat frame, PlateBox box, PlateLayout layout, double shear) {
        return rectify(frame, box.landscape(), width(layout), HEIGHT, shear);
    }

    /**
     * As {@link #rectify(Mat, PlateBox, PlateLayout, double)}, with a margin around the box: {@code marginX} of its
     * width on each side and {@code marginY} of its height above and below, at the same pixels per millimetre.
     */
    public static Rectified rectifyWithMargin(Mat frame, PlateBox box, PlateLayout layout, double shear,
                                              double marginX, double marginY) {
        PlateBox b = box.landscape();
        PlateBox wider = new PlateBox(b.cx(), b.cy(), b.width() * (1 + 2 * marginX), b.height() * (1 + 2 * marginY),
                b.angleDeg());
        return rectify(frame, wider, (int) Math.round(width(layout) * (1 + 2 * marginX)),
                (int) Math.round(HEIGHT * (1 + 2 * marginY)), shear);
    }

    /** The box cut out and turned upright at {@code w} x {@code h} pixels (for plates of other proportions). */
    public static Rectified rectify(Mat frame, PlateBox box, int w, int h) {
        return rectify(frame, box.landscape(), w, h, 0);
    }

    /**
     * A box this many times larger than its output is warped supersampled and shrunk by area averaging: a bilinear
     * warp straight from a large plate skips pixels (aliasing), so the same plate would read differently at another
     * camera resolution. The cost stays bounded (at most {@link #MAX_SUPERSAMPLING}² samples per output pixel),
     * whatever the frame's size.
     */
    static final double ANTIALIAS_ABOVE = 1.5;

    /** At most this many output pixels are averaged per rectified pixel along each axis. */
    static final int MAX_SUPERSAMPLING = 2;

    private static Rectified rectify(Mat frame, PlateBox b, int w, int h, double shear) {
        double half = shear * h / 2;
        double[][] c = {onBox(b, w, h, -half, 0), onBox(b, w, h, w - half, 0), onBox(b, w, h, w + half, h)};
        double[] affine = affine(c, 0, 0, 1, 1, w, h);
        double ratio = Math.max(b.width() / w, b.height() / h);
        Mat plate = new Mat();
        if (ratio > ANTIALIAS_ABOVE) {
            // supersampled: warped at k times the size, then shrunk by area averaging (bounded cost: k <= 2)
            int k = (int) Math.min(MAX_SUPERSAMPLING, Math.ceil(ratio));
            double[] big = affine.clone();
            for (int i = 0; i < 6; i++) big[i] *= k;
            big[2] += (k - 1) / 2.0;   // each block of k x k large pixels averages around the plate pixel's centre
            big[5] += (k - 1) / 2.0;
            try (Mat large = new Mat()) {
                warp(frame, large, big, w * k, h * k);
                resize(large, plate, new Size(w, h), 0, 0, INTER_AREA);
            }
            return new Rectified(plate, affine);
        }
        warp(frame, plate, affine, w, h);
        return new Rectified(plate, affine);
    }

    private static void warp(Mat src, Mat dst, double[] a, int w, int h) {
        try (Mat m = new Mat(2, 3, org.bytedeco.opencv.global.opencv_core.CV_64F)) {
            try (DoubleIndexer idx = m.createIndexer()) {
                for (int i = 0; i < 6; i++) idx.put(i / 3, i % 3, a[i]);
            }
            warpAffine(src, dst, m, new Size(w, h), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
        }
    }

    /**
     * The affine map taking the three source corners {@code c} (shifted by (-ox, -oy), then scaled by fx, fy) onto the
     * output's corners (0, 0), (w, 0), (w, h).
     */
    private static double[] affine(double[][] c, double ox, double oy, double fx, double fy, int w, int h) {
        try (Point2f src = new Point2f(3); Point2f dst = new Point2f(3)) {
            for (int i = 0; i < 3; i++) {
                src.position(i).x((float) ((c[i][0] - ox) * fx)).y((float) ((c[i][1] - oy) * fy));
            }
            dst.position(0).x(0).y(0);
            dst.position(1).x(w).y(0);
            dst.position(2).x(w).y(h);
            src.position(0);
            dst.position(0);
            double[] affine = new double[6];
            try (Mat m = getAffineTransform(src, dst); DoubleIndexer idx = m.createIndexer()) {
                for (int i = 0; i < 6; i++) affine[i] = idx.get(i / 3, i % 3);
            }
            return affine;
        }
    }

    /**
     * The plate box in the frame that the character cells imply: the layout's plate outline around the cells,
     * mapped back from rectified to frame pixels. Re-rectifying it puts the characters where the layout says.
     */
    public static PlateBox boxAround(List<CharCell> cells, PlateLayout layout, double[] frameToPlate) {
        CharCell first = cells.get(0);
        double mmX = first.width() / layout.charWidthMm(), mmY = first.height() / PlateLayout.CHAR_HEIGHT_MM;
        double left = first.x() - layout.charLeftMm(0) * mmX;
        double top = first.y() - PlateLayout.CHAR_TOP_MM * mmY;
        double right = left + layout.widthMm() * mmX;
        double bottom = top + PlateLayout.PLATE_HEIGHT_MM * mmY;
        double[] tl = toFrame(frameToPlate, left, top), tr = toFrame(frameToPlate, right, top);
        double[] br = toFrame(frameToPlate, right, bottom);
        double width = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
        double height = Math.hypot(br[0] - tr[0], br[1] - tr[1]);
        double angle = Math.toDegrees(Math.atan2(tr[1] - tl[1], tr[0] - tl[0]));
        return new PlateBox((tl[0] + br[0]) / 2, (tl[1] + br[1]) / 2, width, height, angle);
    }

    /** Frame position of rectified-plate pixel (x, y) of a {@code w} x {@code h} rectification of {@code b}. */
    private static double[] onBox(PlateBox b, int w, int h, double x, double y) {
        double a = Math.toRadians(b.angleDeg());
        double along = (x / w - 0.5) * b.width(), across = (y / h - 0.5) * b.height();
        return new double[] {b.cx() + Math.cos(a) * along - Math.sin(a) * across,
                b.cy() + Math.sin(a) * along + Math.cos(a) * across};
    }

    /** Inverts the 2x3 affine map {@code a} for one point. */
    private static double[] toFrame(double[] a, double x, double y) {
        double det = a[0] * a[4] - a[1] * a[3];
        double dx = x - a[2], dy = y - a[5];
        return new double[] {(a[4] * dx - a[1] * dy) / det, (-a[3] * dx + a[0] * dy) / det};
    }
}
