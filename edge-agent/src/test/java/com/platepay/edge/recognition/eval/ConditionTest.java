package com.platepay.edge.recognition.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.edge.recognition.PlateBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class ConditionTest {

    @Test
    void rescalesTheFrameAndTheTrueBoxesAlike() {
        try (Mat frame = new Mat(300, 400, CV_8UC3, new Scalar(10, 200, 30, 0)); Mat big = new Condition(2, 0).apply(frame)) {
            assertEquals(800, big.cols());
            assertEquals(600, big.rows());
        }
        TruePlate t = new Condition(0.5, 0).apply(new TruePlate("a.jpg", "京A12345", "blue", new PlateBox(100, 50, 120, 40, 3)));
        assertEquals(new PlateBox(50, 25, 60, 20, 3), t.box());
    }

    @Test
    void recompressesInMemoryKeepingTheSize() {
        try (Mat frame = new Mat(120, 160, CV_8UC3, new Scalar(10, 200, 30, 0)); Mat jpeg = new Condition(1, 30).apply(frame)) {
            assertEquals(160, jpeg.cols());
            assertEquals(120, jpeg.rows());
            assertTrue(Math.abs(org.bytedeco.opencv.global.opencv_core.mean(jpeg).get(1) - 200) < 10);
        }
        assertEquals(new Condition(0.7, 50), Condition.parse("0.7,50"));
        assertEquals(Condition.AS_IS, Condition.parse("1"));
    }
}
