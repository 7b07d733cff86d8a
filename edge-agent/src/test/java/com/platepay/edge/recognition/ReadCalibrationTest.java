package com.platepay.edge.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadCalibrationTest {

    private static ReadEvidence evidence(String own, double ownMin, String paddle, double paddleMin, boolean taken) {
        return new ReadEvidence(own, ownMin, ownMin, paddle, paddleMin, taken, false, 30, 1.0);
    }

    @Test
    void theCommittedCalibrationLoadsWithAThresholdBetweenZeroAndOne() {
        ReadCalibration c = ReadCalibration.bundled();
        assertTrue(c.threshold(true) > 0 && c.threshold(true) < 1, "threshold " + c.threshold(true));
        assertTrue(c.threshold(false) > 0 && c.threshold(false) < 1, "threshold " + c.threshold(false));
    }

    @Test
    void twoReadersAgreeingIsWorthMoreThanOneSureReaderContradicted() {
        ReadCalibration c = ReadCalibration.bundled();
        double agree = c.probability(evidence("粤B12345", 0.7, "粤B12345", 0.9, false), true);
        double contradicted = c.probability(evidence("粤B12345", 0.7, "粤B72345", 0.9, false), true);
        assertTrue(agree > contradicted, agree + " vs " + contradicted);
        assertTrue(agree >= c.threshold(true), "two sure readers agreeing are acted on: " + agree);
        assertTrue(contradicted < c.threshold(true), "a contradicted read is not acted on: " + contradicted);
    }

    @Test
    void theCtcReaderAgreeingRaisesTheConfidenceAndContradictingLowersIt() {
        ReadCalibration c = ReadCalibration.bundled();
        ReadEvidence unsure = evidence("粤B12345", 0.5, "", 0, false);
        for (boolean second : new boolean[] {true, false}) {
            double alone = c.probability(unsure, second);
            double confirmed = c.probability(unsure.withCtc("粤B12345", 0.99), second);
            double contradicted = c.probability(unsure.withCtc("粤B72345", 0.99), second);
            assertTrue(confirmed > alone && alone > contradicted, confirmed + " > " + alone + " > " + contradicted);
        }
        // with PaddleOCR's reading taken, the CTC reader is compared with the reported text, PaddleOCR's
        ReadEvidence taken = evidence("粤B72345", 0.4, "粤B12345", 0.9, true).withCtc("粤B12345", 0.99);
        assertEquals(1.0, ReadCalibration.features(taken, true)[11]);
    }

    @Test
    void withoutTheSecondOpinionPaddleOcrsEvidenceIsIgnored() {
        double[] a = ReadCalibration.features(evidence("粤B12345", 0.7, "粤B12345", 0.9, false), false);
        double[] b = ReadCalibration.features(evidence("粤B12345", 0.7, "", 0, false), false);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    }

    @Test
    void serialAgreementIgnoresTheProvince() {
        double[] x = ReadCalibration.features(evidence("浙KL6893", 0.4, "KL6893", 0.97, false), true);
        assertEquals(1, x[9]);
        assertEquals("KL6893", ReadCalibration.serial("浙KL6893"));
        assertEquals(1, ReadCalibration.differences("吉BG0D80", "辽BG0D80"));
    }

    @Test
    void theFitSeparatesWhatTheFeaturesSeparateAndIsDeterministic() throws Exception {
        Random random = new Random(1);
        int n = 400;
        double[][] x = new double[n][ReadCalibration.FEATURES.length];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean agree = random.nextBoolean();
            x[i][0] = 1;
            x[i][1] = agree ? 1 : 0;
            x[i][4] = random.nextGaussian();
            y[i] = random.nextDouble() < (agree ? 0.97 : 0.4) ? 1 : 0;
        }
        double[] w = ReadCalibration.fit(x, y, 1.0);
        assertTrue(w[1] > 2, "agreement weight " + w[1]);
        assertEquals(java.util.Arrays.toString(w), java.util.Arrays.toString(ReadCalibration.fit(x, y, 1.0)));
        ReadCalibration c = new ReadCalibration(w, 0.9, w, 0.9);
        StringWriter out = new StringWriter();
        c.write(out, "test");
        assertTrue(out.toString().contains("withPaddle.threshold=0.9000"));
    }
}
