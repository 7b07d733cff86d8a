package com.platepay.edge.recognition.train;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import com.platepay.edge.recognition.PlateBox;
import com.platepay.edge.recognition.detect.PlateRectifier;
import com.platepay.edge.recognition.read.CharCell;
import com.platepay.edge.recognition.read.PlateLayout;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer.RenderedPlate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Makes a clean synthetic plate look like one a camera saw and the detector cut out: placed in clutter, dirtied,
 * tilted in perspective, shrunk to a random resolution, blurred, noised, relit, JPEG-compressed, then boxed with the
 * detector's kind of error and rectified by the same {@link PlateRectifier} the agent uses. Character boxes follow
 * every step, so the labels stay exact.
 */
public final class PlateDegrader {

    private static final int MARGIN = 80;

    /** A degraded, rectified plate and its character boxes in rectified pixels. */
    public record DegradedPlate(Mat plate, List<CharCell> cells) {
    }

    public DegradedPlate degrade(RenderedPlate rendered, PlateLayout layout, Random random) {
        Mat plate = rendered.image();
        int pw = plate.cols(), ph = plate.rows();
        Mat canvas = clutter(pw + 2 * MARGIN, ph + 2 * MARGIN, random);
        try (Mat roi = new Mat(canvas, new Rect(MARGIN, MARGIN, pw, ph))) {
            plate.copyTo(roi);
            addDirt(roi, random);
        }
        double[][] plateCorners = {{MARGIN, MARGIN}, {MARGIN + pw, MARGIN}, {MARGIN + pw, MARGIN + ph}, {MARGIN, MARGIN + ph}};
        double[] homography = tilt(plateCorners, pw, ph, random);
        Mat frame = new Mat();
        try (Mat h = toMat3x3(homography)) {
            warpPerspective(canvas, frame, h, canvas.size(), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
        }
        canvas.close();
        double scale = (55 + random.nextDouble() * 200) / pw; // plate width 55..255 px, as in parking cameras
        Mat small = new Mat();
        resize(frame, small, new Size(), scale, scale, INTER_AREA);
        frame.close();
        photometric(small, random);
        Mat seen = jpeg(small, 35 + random.nextInt(60));
        small.close();

        PlateBox box = detectorLikeBox(plateCorners, homography, scale, random);
        PlateRectifier.Rectified rectified = PlateRectifier.rectify(seen, box, layout);
        seen.close();
        List<CharCell> cells = new ArrayList<>();
        for (CharCell cell : rendered.cells()) {
            cells.add(mapCell(cell, homography, scale, rectified.frameToPlate()));
        }
        return new DegradedPlate(rectified.plate(), cells);
    }

    private static Mat clutter(int w, int h, Random random) {
        Mat canvas = new Mat(h, w, CV_8UC3, randomColour(random));
        for (int i = 0; i < 12; i++) {
            line(canvas, new Point(random.nextInt(w), random.nextInt(h)), new Point(random.nextInt(w), random.nextInt(h)),
                    randomColour(random), 1 + random.nextInt(12), 8, 0);
        }
        return canvas;
    }

    private static void addDirt(Mat plate, Random random) {
        int spots = random.nextInt(4);
        if (spots == 0) return;
        try (Mat overlay = plate.clone()) {
            for (int i = 0; i < spots; i++) {
                int v = random.nextInt(120);
                ellipse(overlay, new Point(random.nextInt(plate.cols()), random.nextInt(plate.rows())),
                        new Size(3 + random.nextInt(25), 2 + random.nextInt(12)), random.nextInt(180), 0, 360,
                        new Scalar(v, v + 10, v + 20, 0), -1, 8, 0);
            }
            double alpha = 0.2 + random.nextDouble() * 0.4;
            addWeighted(overlay, alpha, plate, 1 - alpha, 0, plate);
        }
    }

    /** Rotation up to 10 degrees plus independent corner jitter: a camera off-axis and slightly above. */
    private static double[] tilt(double[][] corners, int pw, int ph, Random random) {
        double angle = Math.toRadians(random.nextGaussian() * 4);
        angle = Math.max(-0.18, Math.min(0.18, angle));
        double cx = MARGIN + pw / 2.0, cy = MARGIN + ph / 2.0;
        try (Point2f src = new Point2f(4); Point2f dst = new Point2f(4)) {
            for (int i = 0; i < 4; i++) {
                double x = corners[i][0] - cx, y = corners[i][1] - cy;
                double rx = cx + x * Math.cos(angle) - y * Math.sin(angle) + random.nextGaussian() * 0.015 * pw;
                double ry = cy + x * Math.sin(angle) + y * Math.cos(angle) + random.nextGaussian() * 0.04 * ph;
                src.position(i).x((float) corners[i][0]).y((float) corners[i][1]);
                dst.position(i).x((float) rx).y((float) ry);
            }
            src.position(0);
            dst.position(0);
            try (Mat h = getPerspectiveTransform(src, dst); DoubleIndexer idx = h.createIndexer()) {
                double[] m = new double[9];
                for (int i = 0; i < 9; i++) m[i] = idx.get(i / 3, i % 3);
                return m;
            }
        }
    }

    private static void photometric(Mat image, Random random) {
        double sigma = random.nextDouble() * random.nextDouble() * 1.4;
        if (sigma > 0.3) {
            GaussianBlur(image, image, new Size(0, 0), sigma);
        }
        double contrast = 0.45 + random.nextDouble() * 0.75;
        double brightness = -60 + random.nextDouble() * 110;
        image.convertTo(image, -1, contrast, brightness);
        addNoise(image, random.nextDouble() * 12, random);
    }

    private static void addNoise(Mat image, double sd, Random random) {
        byte[] pixels = new byte[(int) (image.total() * image.channels())];
        BytePointer data = image.data();
        data.get(pixels);
        for (int i = 0; i < pixels.length; i++) {
            int v = (pixels[i] & 0xff) + (int) Math.round(random.nextGaussian() * sd);
            pixels[i] = (byte) Math.max(0, Math.min(255, v));
        }
        data.put(pixels);
    }

    private static Mat jpeg(Mat image, int quality) {
        try (BytePointer buffer = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            imencode(".jpg", image, buffer, params);
            try (Mat encoded = new Mat(1, (int) buffer.limit(), org.bytedeco.opencv.global.opencv_core.CV_8UC1)) {
                encoded.data().put(buffer.getStringBytes());
                return imdecode(encoded, IMREAD_COLOR);
            }
        }
    }

    /** The tilted plate's rotated rectangle, then the detector's typical error in position, size and angle. */
    private static PlateBox detectorLikeBox(double[][] corners, double[] h, double scale, Random random) {
        try (Mat points = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2)) {
            float[] xy = new float[8];
            for (int i = 0; i < 4; i++) {
                double[] p = project(h, corners[i][0], corners[i][1]);
                xy[2 * i] = (float) (p[0] * scale);
                xy[2 * i + 1] = (float) (p[1] * scale);
            }
            new org.bytedeco.javacpp.FloatPointer(points.data()).put(xy);
            var r = org.bytedeco.opencv.global.opencv_imgproc.minAreaRect(points);
            PlateBox b = new PlateBox(r.center().x(), r.center().y(), r.size().width(), r.size().height(), r.angle())
                    .landscape();
            return new PlateBox(
                    b.cx() + random.nextGaussian() * 0.02 * b.width(),
                    b.cy() + random.nextGaussian() * 0.04 * b.height(),
                    b.width() * (1 + random.nextGaussian() * 0.04),
                    b.height() * (1 + random.nextGaussian() * 0.07),
                    b.angleDeg() + random.nextGaussian() * 1.2);
        }
    }

    private static CharCell mapCell(CharCell cell, double[] h, double scale, double[] affine) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        double[][] corners = {{cell.x(), cell.y()}, {cell.x() + cell.width(), cell.y()},
                {cell.x(), cell.y() + cell.height()}, {cell.x() + cell.width(), cell.y() + cell.height()}};
        for (double[] c : corners) {
            double[] p = project(h, c[0] + MARGIN, c[1] + MARGIN);
            double fx = p[0] * scale, fy = p[1] * scale;
            double x = affine[0] * fx + affine[1] * fy + affine[2];
            double y = affine[3] * fx + affine[4] * fy + affine[5];
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new CharCell(minX, minY, maxX - minX, maxY - minY);
    }

    private static double[] project(double[] h, double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }

    private static Mat toMat3x3(double[] m) {
        Mat mat = new Mat(3, 3, org.bytedeco.opencv.global.opencv_core.CV_64F);
        new org.bytedeco.javacpp.DoublePointer(mat.data()).put(m);
        return mat;
    }

    private static Scalar randomColour(Random random) {
        return new Scalar(random.nextInt(256), random.nextInt(256), random.nextInt(256), 0);
    }
}
