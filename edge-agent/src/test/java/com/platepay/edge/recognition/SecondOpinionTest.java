package com.platepay.edge.recognition;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.edge.recognition.read.PaddleTextReader;
import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer;
import com.platepay.protocol.plate.PlateColour;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PaddleOCR's recogniser as second opinion: it reads rendered plates, and without its model the agent still reads
 * with its own models. Needs fonts-noto-cjk to draw plates; the PaddleOCR tests need the model the build fetches
 * (skipped with a message after an offline build).
 */
class SecondOpinionTest {

    private static PlateFonts fonts;

    @BeforeAll
    static void needsFonts() {
        assumeTrue(PlateFonts.available(), "fonts-noto-cjk is not installed: second-opinion tests skipped");
        fonts = PlateFonts.load();
    }

    private static Path modelDirectory() {
        Optional<Path> dir = PaddleTextReader.defaultDirectory();
        assumeTrue(dir.isPresent() && dir.get().resolve(PaddleTextReader.MODEL_FILE).toFile().isFile(),
                "PaddleOCR model not in target/" + PaddleTextReader.ASSETS + " (the build could not fetch it): skipped");
        return dir.get();
    }

    @Test
    void paddleOcrReadsARenderedPlate() {
        SyntheticPlateRenderer renderer = new SyntheticPlateRenderer(fonts);
        Random random = new Random(7);
        try (PaddleTextReader reader = PaddleTextReader.open(modelDirectory()).orElseThrow()) {
            for (String text : List.of("京A12345", "粤B8D6F7", "浙E6686V")) {
                SyntheticPlateRenderer.RenderedPlate plate = renderer.render(text, PlateColour.BLUE, random);
                try (Mat rectifiedSize = new Mat()) {   // the size the rectifier cuts plates at
                    resize(plate.image(), rectifiedSize, new Size(220, 70), 0, 0, INTER_AREA);
                    PaddleTextReader.Text read = reader.read(rectifiedSize);
                    assertEquals(text, read.text());
                    assertTrue(read.isPlate());
                    assertEquals(text.length(), read.charConfidences().length);
                }
            }
        }
    }

    @Test
    void recogniserWithSecondOpinionReadsAPlateInAFrame() {
        Path dir = modelDirectory();
        try (PlateRecogniser recogniser = PlateRecogniser.withBundledModels().withSecondOpinionFrom(dir);
             Mat frame = frameWith("粤B8D6F7", PlateColour.YELLOW)) {
            assertTrue(recogniser.hasSecondOpinion());
            List<PlateReading> readings = recogniser.recognise(frame);
            assertEquals(1, readings.size());
            assertEquals("粤B8D6F7", readings.get(0).text());
            assertEquals("粤B8D6F7", readings.get(0).alternatives().get(0).text());
        }
    }

    @Test
    void twoRowYellowPlatesAreReadRowByRow() {
        Path dir = modelDirectory();
        try (PlateRecogniser recogniser = PlateRecogniser.withBundledModels().withSecondOpinionFrom(dir)) {
            for (String text : List.of("津AD9823", "粤AK9331", "鲁B7G450")) {
                try (Mat frame = frameWithTwoRows(text)) {
                    List<PlateReading> readings = recogniser.recognise(frame);
                    assertEquals(List.of(text), readings.stream().map(PlateReading::text).toList());
                    assertEquals(PlateColour.YELLOW, readings.get(0).colour());
                }
            }
        }
    }

    @Test
    void withoutTheModelTwoRowPlatesAreNotRead(@TempDir Path empty) {
        try (PlateRecogniser recogniser = PlateRecogniser.withBundledModels().withSecondOpinionFrom(empty);
             Mat frame = frameWithTwoRows("津AD9823")) {
            assertEquals(List.of(), recogniser.recognise(frame), "no one-row misreading of the lower row");
        }
    }

    @Test
    void withoutTheModelTheAgentReadsWithItsOwnModels(@TempDir Path empty) {
        try (PlateRecogniser recogniser = PlateRecogniser.withBundledModels().withSecondOpinionFrom(empty);
             Mat frame = frameWith("京A12345", PlateColour.BLUE)) {
            assertFalse(recogniser.hasSecondOpinion());
            assertTrue(PaddleTextReader.open(empty).isEmpty());
            List<PlateReading> readings = recogniser.recognise(frame);
            assertEquals(1, readings.size());
            assertEquals("京A12345", readings.get(0).text());
        }
    }

    private static Mat frameWithTwoRows(String text) {
        Mat frame = new Mat(600, 900, CV_8UC3, new Scalar(90, 100, 110, 0));
        SyntheticPlateRenderer.RenderedPlate plate = new SyntheticPlateRenderer(fonts).renderTwoRow(text, new Random(3));
        Rect where = new Rect(360, 250, 160, 80);
        try (Mat small = new Mat(); Mat roi = new Mat(frame, where)) {
            resize(plate.image(), small, new Size(where.width(), where.height()), 0, 0, INTER_AREA);
            small.copyTo(roi);
        }
        return frame;
    }

    private static Mat frameWith(String text, PlateColour colour) {
        Mat frame = new Mat(600, 900, CV_8UC3, new Scalar(90, 100, 110, 0));
        SyntheticPlateRenderer.RenderedPlate plate = new SyntheticPlateRenderer(fonts).render(text, colour, new Random(42));
        Rect where = new Rect(320, 260, 200, 64);
        try (Mat small = new Mat(); Mat roi = new Mat(frame, where)) {
            resize(plate.image(), small, new Size(where.width(), where.height()), 0, 0, INTER_AREA);
            small.copyTo(roi);
        }
        return frame;
    }
}
