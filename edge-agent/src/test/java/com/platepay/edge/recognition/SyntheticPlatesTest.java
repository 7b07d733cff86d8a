package com.platepay.edge.recognition;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.edge.recognition.read.PlateReader;
import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.edge.recognition.train.SyntheticCharSource;
import com.platepay.edge.recognition.train.SyntheticCharSource.LabelledPlate;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer;
import com.platepay.protocol.plate.PlateColour;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled models read synthetic plates they were not trained on (seeds far outside the training range), both
 * from rectified plates and from whole frames through detection. Needs fonts-noto-cjk to draw the plates.
 */
class SyntheticPlatesTest {

    /** Far from the training seeds (20261123 onwards) and from the check the train command prints. */
    private static final long UNSEEN_SEED = 7_000_000_000L;
    private static final int PLATES = 150;

    private static PlateFonts fonts;

    @BeforeAll
    static void needsFonts() {
        assumeTrue(PlateFonts.available(), "fonts-noto-cjk is not installed: synthetic plate tests skipped");
        fonts = PlateFonts.load();
    }

    @Test
    void readsMostDegradedUnseenSyntheticPlatesExactly() {
        SyntheticCharSource source = new SyntheticCharSource(fonts);
        int exact = 0;
        try (PlateReader reader = PlateReader.fromClasspath()) {
            for (int i = 0; i < PLATES; i++) {
                LabelledPlate plate = source.plate(UNSEEN_SEED + i);
                PlateReader.Result result = reader.read(plate.plate(), plate.colour());
                if (!result.isEmpty() && result.alternatives().get(0).text().equals(plate.text())) exact++;
                plate.plate().close();
            }
        }
        System.out.printf("unseen synthetic plates read exactly: %d/%d%n", exact, PLATES);
        assertTrue(exact >= 0.65 * PLATES, "only " + exact + "/" + PLATES + " read exactly");
    }

    @Test
    void findsAndReadsCleanPlatesInAFrame() {
        SyntheticPlateRenderer renderer = new SyntheticPlateRenderer(fonts);
        Random random = new Random(42);
        List<String> texts = List.of("京A12345", "粤B8D6F7", "浙E6686V");
        List<PlateColour> colours = List.of(PlateColour.BLUE, PlateColour.YELLOW, PlateColour.BLUE);
        try (PlateRecogniser recogniser = PlateRecogniser.withBundledModels()) {
            for (int i = 0; i < texts.size(); i++) {
                try (Mat frame = new Mat(600, 900, CV_8UC3, new Scalar(90, 100, 110, 0))) {
                    SyntheticPlateRenderer.RenderedPlate plate = renderer.render(texts.get(i), colours.get(i), random);
                    Rect where = new Rect(300 + 40 * i, 250 - 20 * i, 200, 64);
                    try (Mat small = new Mat(); Mat roi = new Mat(frame, where)) {
                        resize(plate.image(), small, new Size(where.width(), where.height()), 0, 0, INTER_AREA);
                        small.copyTo(roi);
                    }
                    List<PlateReading> readings = recogniser.recognise(frame);

                    assertEquals(1, readings.size(), "plates found in frame " + i);
                    PlateReading reading = readings.get(0);
                    assertEquals(texts.get(i), reading.text());
                    assertEquals(colours.get(i), reading.colour());
                    PlateBox truth = new PlateBox(where.x() + 100, where.y() + 32, 200, 64, 0);
                    assertTrue(BoxOverlap.iou(truth, reading.box()) > 0.7, "box " + reading.box());
                    assertEquals(texts.get(i).length(), reading.charConfidences().length);
                    assertEquals(texts.get(i), reading.alternatives().get(0).text());
                }
            }
        }
    }

    /**
     * Resolution independence: one plate, placed in frames of 900, 1800 and 3600 px and as a close-up filling most
     * of a 900 px frame, is read exactly every time, with a calibrated confidence.
     */
    @Test
    void readsThePlateAtAnyFrameSize() {
        SyntheticPlateRenderer renderer = new SyntheticPlateRenderer(fonts);
        SyntheticPlateRenderer.RenderedPlate plate = renderer.render("苏E52A08", PlateColour.BLUE, new Random(7));
        int[][] frames = {{900, 600, 160}, {1800, 1200, 320}, {3600, 2400, 640}, {900, 600, 700}};
        try (PlateRecogniser recogniser = PlateRecogniser.withBundledModels()) {
            for (int[] f : frames) {
                int w = f[2], h = (int) Math.round(w / 3.14);
                try (Mat frame = new Mat(f[1], f[0], CV_8UC3, new Scalar(90, 100, 110, 0))) {
                    Rect where = new Rect((f[0] - w) / 2, (f[1] - h) / 2, w, h);
                    try (Mat scaled = new Mat(); Mat roi = new Mat(frame, where)) {
                        resize(plate.image(), scaled, new Size(w, h), 0, 0,
                                w < plate.image().cols() ? INTER_AREA : org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC);
                        scaled.copyTo(roi);
                    }
                    List<PlateReading> readings = recogniser.recognise(frame);
                    assertEquals(1, readings.size(), "plates found in the " + f[0] + " px frame, plate " + w + " px");
                    assertEquals("苏E52A08", readings.get(0).text(), "frame " + f[0] + " px, plate " + w + " px");
                    double p = readings.get(0).calibrated();
                    assertTrue(p > 0 && p <= 1, "calibrated confidence " + p);
                }
            }
        }
    }
}
