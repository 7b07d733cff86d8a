package com.platepay.edge.recognition;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer;
import com.platepay.protocol.plate.PlateColour;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plates seen from the side are straightened before reading; plate-coloured shapes without characters are not
 * plates. (A yellow panel of evenly spaced dark bars, like a grille, still reads as a plate of Ms: a known limit.)
 */
class HardPlatesTest {

    private static final Scalar ROAD = new Scalar(90, 100, 110, 0);

    private static SyntheticPlateRenderer renderer;

    @BeforeAll
    static void needsFonts() {
        assumeTrue(PlateFonts.available(), "fonts-noto-cjk is not installed: synthetic plate tests skipped");
        renderer = new SyntheticPlateRenderer(PlateFonts.load());
    }

    @Test
    void readsAPlateWhoseCharactersLeanFromTheSide() {
        try (Mat frame = new Mat(600, 900, CV_8UC3, ROAD); Mat plate = new Mat();
             Mat drawn = renderer.render("鲁B7G326", PlateColour.BLUE, new Random(11)).image()) {
            resize(drawn, plate, new Size(220, 70), 0, 0, INTER_AREA);
            // Tops 20 px right of the bottoms (about 16 degrees), the plate centred at (400, 300).
            try (Mat shear = new Mat(2, 3, CV_64F)) {
                new DoublePointer(shear.data()).put(1, -20.0 / 70, 300, 0, 1, 265);
                warpAffine(plate, frame, shear, frame.size(), INTER_LINEAR, BORDER_CONSTANT, ROAD);
            }
            try (PlateRecogniser recogniser = PlateRecogniser.withBundledModels()) {
                List<PlateReading> readings = recogniser.recognise(frame);
                assertEquals(1, readings.size(), "readings " + readings);
                assertEquals("鲁B7G326", readings.get(0).text());
            }
        }
    }

    @Test
    void plateColouredShapesWithoutCharactersAreNotPlates() {
        try (Mat frame = new Mat(600, 900, CV_8UC3, ROAD);
             PlateRecogniser recogniser = PlateRecogniser.withBundledModels()) {
            Scalar blue = new Scalar(170, 60, 20, 0), yellow = new Scalar(30, 190, 235, 0);
            rectangle(frame, new Point(100, 100), new Point(320, 170), blue, -1, 8, 0);      // a blank blue sign
            rectangle(frame, new Point(500, 100), new Point(720, 170), yellow, -1, 8, 0);    // a blank yellow one
            rectangle(frame, new Point(100, 350), new Point(320, 420), blue, -1, 8, 0);      // a blue panel with stripes
            for (int y = 358; y < 420; y += 10) {
                line(frame, new Point(105, y), new Point(315, y), new Scalar(240, 240, 240, 0), 3, 8, 0);
            }
            List<PlateReading> readings = recogniser.recognise(frame);
            assertTrue(readings.isEmpty(), "read " + readings);
        }
    }
}
