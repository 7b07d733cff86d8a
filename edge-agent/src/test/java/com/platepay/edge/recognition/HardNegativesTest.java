package com.platepay.edge.recognition;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.edge.recognition.read.PaddleTextReader;
import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer;
import com.platepay.protocol.plate.PlateColour;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hard negatives a lane must never act on: a camera's date stamp, a blue sign with white characters, a car badge, a
 * dealer's plate frame. Whatever the pipeline reports on them, no read of them reaches the documented threshold;
 * the real plate beside the dealer frame is still read. With PaddleOCR when its model is there, else our networks.
 */
class HardNegativesTest {

    private static PlateFonts fonts;

    @BeforeAll
    static void needsFonts() {
        assumeTrue(PlateFonts.available(), "fonts-noto-cjk is not installed: hard-negative tests skipped");
        fonts = PlateFonts.load();
    }

    private static Mat scene(int w, int h, Consumer<Graphics2D> draw) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(110, 100, 90));
        g.fillRect(0, 0, w, h);
        draw.accept(g);
        g.dispose();
        byte[] bytes = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(h, w, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
        new BytePointer(mat.data()).put(bytes);
        return mat;
    }

    private Font chinese(float size) {
        return fonts.chinese().get(0).deriveFont(Font.BOLD, size);
    }

    private List<Mat> negatives() {
        List<Mat> scenes = new ArrayList<>();
        scenes.add(scene(900, 600, g -> {   // a camera's date stamp
            g.setColor(new Color(255, 200, 40));
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 30));
            g.drawString("2015-05-11 08:31:07", 480, 570);
            g.drawString("20150511", 40, 50);
        }));
        scenes.add(scene(900, 600, g -> {   // a blue sign with white characters
            g.setColor(new Color(20, 60, 170));
            g.fillRect(300, 200, 300, 96);
            g.setColor(Color.WHITE);
            g.setFont(chinese(56));
            g.drawString("停车场 P", 320, 270);
        }));
        scenes.add(scene(900, 600, g -> {   // a chrome badge on a grey car
            g.setColor(new Color(150, 150, 155));
            g.fillRect(150, 150, 600, 300);
            g.setColor(new Color(235, 235, 240));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
            g.drawString("TOYOTA", 330, 320);
        }));
        return scenes;
    }

    private static List<PlateRecogniser> recognisers() {
        List<PlateRecogniser> all = new ArrayList<>();
        all.add(PlateRecogniser.withBundledModels());
        Optional<Path> models = PaddleTextReader.defaultDirectory();
        if (models.isPresent() && Files.isRegularFile(models.get().resolve(PaddleTextReader.MODEL_FILE))) {
            all.add(PlateRecogniser.withBundledModels().withSecondOpinionFrom(models.get()));
        } else {
            System.out.println("PaddleOCR model not in target/" + PaddleTextReader.ASSETS + ": own networks only");
        }
        return all;
    }

    @Test
    void signsBadgesAndDateStampsAreNeverActedOn() {
        for (PlateRecogniser recogniser : recognisers()) {
            try (recogniser) {
                for (Mat frame : negatives()) {
                    try (frame) {
                        for (PlateReading r : recogniser.recognise(frame)) {
                            assertTrue(!recogniser.acts(r), "acted on " + r.text() + " at " + r.calibrated()
                                    + " (second opinion " + recogniser.hasSecondOpinion() + ")");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aDealersPlateFrameIsNotActedOnAndThePlateInItIsRead() {
        SyntheticPlateRenderer renderer = new SyntheticPlateRenderer(fonts);
        for (PlateRecogniser recogniser : recognisers()) {
            try (recogniser; Mat frame = scene(900, 600, g -> {
                g.setColor(new Color(20, 20, 20));
                g.fillRect(330, 250, 260, 130);   // the frame around the plate
                g.setColor(Color.WHITE);
                g.setFont(chinese(20));
                g.drawString("广州丰田4S店  400-888-1234", 345, 368);
            })) {
                try (Mat plate = renderer.render("粤A52B07", PlateColour.BLUE, new Random(3)).image();
                     Mat small = new Mat(); Mat roi = new Mat(frame, new Rect(350, 262, 220, 70))) {
                    resize(plate, small, new Size(220, 70), 0, 0, INTER_AREA);
                    small.copyTo(roi);
                }
                List<PlateReading> readings = recogniser.recognise(frame);
                assertTrue(readings.stream().anyMatch(r -> r.text().equals("粤A52B07")), "read " + readings);
                for (PlateReading r : readings) {
                    if (!r.text().equals("粤A52B07")) {
                        assertTrue(!recogniser.acts(r), "acted on the frame's text " + r.text() + " at " + r.calibrated());
                    }
                }
                assertEquals(1, readings.stream().filter(recogniser::acts).count() <= 1 ? 1 : 0, "at most the plate acted on");
            }
        }
    }
}
