package com.platepay.edge.recognition.eval;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.platepay.edge.recognition.PlateBox;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A change made to a photo in memory to emulate other cameras: rescaled by {@code scale}, then JPEG-recompressed at
 * {@code jpegQuality} (0: not recompressed). Nothing is written to disk. The true boxes scale with the photo.
 */
public record Condition(double scale, int jpegQuality) {

    public static final Condition AS_IS = new Condition(1, 0);

    /** The conditions the calibration is fitted over and robustness is reported for. */
    public static final List<Condition> ROBUSTNESS = List.of(AS_IS, new Condition(0.5, 0), new Condition(2, 0),
            new Condition(1, 30), new Condition(0.7, 50));

    public boolean isIdentity() {
        return scale == 1 && jpegQuality == 0;
    }

    /** A new frame (the caller closes it), or a copy of {@code frame} when this changes nothing. */
    public Mat apply(Mat frame) {
        Mat out = new Mat();
        if (scale == 1) {
            frame.copyTo(out);
        } else {
            resize(frame, out, new Size(), scale, scale, scale < 1 ? INTER_AREA : INTER_CUBIC);
        }
        if (jpegQuality > 0) {
            try (BytePointer buf = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, jpegQuality)) {
                imencode(".jpg", out, buf, params);
                try (Mat encoded = new Mat(1, (int) buf.limit(), org.bytedeco.opencv.global.opencv_core.CV_8UC1, buf)) {
                    Mat decoded = imdecode(encoded, IMREAD_COLOR);
                    out.close();
                    out = decoded;
                }
            }
        }
        return out;
    }

    public TruePlate apply(TruePlate t) {
        return new TruePlate(t.image(), t.plate(), t.colour(), t.box().scaled(scale));
    }

    public static Condition parse(String s) {
        String[] f = s.split("[,/]");
        return new Condition(Double.parseDouble(f[0]), f.length > 1 ? Integer.parseInt(f[1]) : 0);
    }

    @Override
    public String toString() {
        return isIdentity() ? "as is" : String.format(Locale.ROOT, "scale %.2g%s", scale,
                jpegQuality > 0 ? ", JPEG q" + jpegQuality : "");
    }
}
