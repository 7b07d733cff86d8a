package com.platepay.edge.recognition;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.edge.recognition.detect.PlateCandidateFinder;
import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer;
import com.platepay.protocol.plate.PlateColour;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A faded blue plate (sun-bleached or hazy: blue hue, but well under the blue mask's saturation) on a grey car is
 * found by the low-saturation colour source, which only passes regions where characters line up, and read.
 */
class FadedPlatesTest {

    private static final Scalar GREY_CAR = new Scalar(120, 120, 120, 0);
    private static final PlateBox WHERE = new PlateBox(450, 300, 180, 57, 0);

    private static SyntheticPlateRenderer renderer;

    @BeforeAll
    static void needsFonts() {
        assumeTrue(PlateFonts.available(), "fonts-noto-cjk is not installed: synthetic plate tests skipped");
        renderer = new SyntheticPlateRenderer(PlateFonts.load());
    }

    @Test
    void aFadedBluePlateIsFoundAsAFaintCandidateAndRead() {
        try (Mat frame = fadedPlateFrame("皖B8C667")) {
            assertTrue(meanSaturation(frame) < 70, "the plate should be too pale for the blue mask");
            boolean faintCandidate = new PlateCandidateFinder().find(frame).stream()
                    .anyMatch(c -> c.faint() && BoxOverlap.iou(c.box(), WHERE) > 0.5);
            assertTrue(faintCandidate, "no low-saturation candidate on the plate");
            try (PlateRecogniser recogniser = PlateRecogniser.withBundledModels()) {
                List<PlateReading> readings = recogniser.recognise(frame);
                assertEquals(1, readings.size(), "readings " + readings);
                assertEquals("皖B8C667", readings.get(0).text());
                assertEquals(PlateColour.BLUE, readings.get(0).colour());
                assertTrue(BoxOverlap.iou(readings.get(0).box(), WHERE) > 0.5, "box " + readings.get(0).box());
            }
        }
    }

    @Test
    void aBlankPaleBluePanelIsNotAPlate() {
        try (Mat frame = new Mat(600, 900, CV_8UC3, GREY_CAR);
             PlateRecogniser recogniser = PlateRecogniser.withBundledModels()) {
            // Pale blue (saturation ~50): in the low-saturation source, but no characters line up in it.
            rectangle(frame, new Point(300, 250), new Point(480, 307), new Scalar(160, 135, 128, 0), -1, 8, 0);
            assertTrue(recogniser.recognise(frame).isEmpty());
        }
    }

    /** A blue plate blended 22 % into light grey (mean saturation ~37 of 255 over plate and characters), on a grey car. */
    private static Mat fadedPlateFrame(String text) {
        Mat frame = new Mat(600, 900, CV_8UC3, GREY_CAR);
        try (Mat drawn = renderer.render(text, PlateColour.BLUE, new Random(5)).image(); Mat plate = new Mat();
             Mat haze = new Mat((int) WHERE.height(), (int) WHERE.width(), CV_8UC3, new Scalar(150, 150, 150, 0))) {
            resize(drawn, plate, new Size((int) WHERE.width(), (int) WHERE.height()), 0, 0, INTER_AREA);
            addWeighted(plate, 0.22, haze, 0.78, 0, plate);
            try (Mat roi = new Mat(frame, plateRect())) {
                plate.copyTo(roi);
            }
        }
        return frame;
    }

    private static Rect plateRect() {
        return new Rect((int) (WHERE.cx() - WHERE.width() / 2), (int) (WHERE.cy() - WHERE.height() / 2),
                (int) WHERE.width(), (int) WHERE.height());
    }

    private static double meanSaturation(Mat frame) {
        try (Mat roi = new Mat(frame, plateRect()); Mat hsv = new Mat()) {
            cvtColor(roi, hsv, COLOR_BGR2HSV);
            return opencv_core.mean(hsv).get(1);
        }
    }
}
