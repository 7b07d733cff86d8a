package com.platepay.edge.recognition.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.edge.recognition.train.SyntheticCharSource;
import com.platepay.edge.recognition.train.SyntheticCharSource.LabelledPlate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class CtcPlateReaderTest {

    /** Far from the seeds the committed model was trained on (20261123 onwards, 30,000 plates by default). */
    private static final long UNSEEN = 20261123L + 30_000_000L;
    private static final int PLATES = 300;

    @Test
    void theCommittedModelReadsSyntheticPlatesFromUnseenSeeds() {
        assumeTrue(PlateFonts.available(), "fonts-noto-cjk is not installed: synthetic plate tests skipped");
        SyntheticCharSource source = new SyntheticCharSource(PlateFonts.load());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int exact = 0, valid = 0;
        long cpu = 0;
        try (CtcPlateReader ctc = CtcPlateReader.committed()) {
            for (int i = 0; i < PLATES; i++) {
                LabelledPlate p = source.plate(UNSEEN + i);
                byte[] input = CtcPlateReader.input(p.plate(), p.colour());
                p.plate().close();
                long t0 = threads.getCurrentThreadCpuTime();
                CtcPlateReader.Text t = ctc.read(input);
                cpu += threads.getCurrentThreadCpuTime() - t0;
                if (t.text().equals(p.text())) exact++;
                if (t.isPlate()) valid++;
                assertEquals(t.text().length(), t.charConfidences().length);
            }
        }
        // These plates use fonts only (the model also saw EasyPR glyphs); measured 2026-12-02: see README.
        System.out.printf("CTC reader: %d/%d unseen synthetic plates exact, %d grammar-valid, %.2f ms CPU per read%n",
                exact, PLATES, valid, cpu / 1e6 / PLATES);
        assertTrue(exact >= PLATES * 0.85, exact + " of " + PLATES + " read exactly");
    }

    @Test
    void greedyDecodingMergesRepeatsAndDropsBlanks() {
        int classes = 1 + CtcPlateReader.ALPHABET.length();
        int a = 1 + CtcPlateReader.ALPHABET.indexOf('A'), one = 1 + CtcPlateReader.ALPHABET.indexOf('1');
        int[] best = {0, a, a, 0, a, one, one, 0};
        float[][] steps = new float[best.length][classes];
        for (int i = 0; i < best.length; i++) steps[i][best[i]] = i == 2 ? 0.9f : 0.6f;
        CtcPlateReader.Text t = CtcPlateReader.decode(steps);
        assertEquals("AA1", t.text());
        assertEquals(0.9, t.charConfidences()[0], 1e-6);   // a run keeps its surest step
        assertEquals(0.6, t.minConfidence(), 1e-6);
    }
}
