package com.platepay.edge.recognition.cli;

import com.platepay.edge.recognition.PlateRecogniser;
import com.platepay.edge.recognition.ReadCalibration;
import com.platepay.edge.recognition.eval.Condition;
import com.platepay.edge.recognition.eval.DevSplit;
import com.platepay.edge.recognition.eval.PhotoRecognition;
import com.platepay.edge.recognition.eval.Scoreboard;
import com.platepay.edge.recognition.eval.TruthTable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fits the calibrated confidence and the documented threshold on the TUNING half of the dev photos",
                "only (DevSplit: a hash of the file name), pooled over copies rescaled and recompressed in memory",
                "(Condition.ROBUSTNESS), once with PaddleOCR's second opinion and once without. The threshold is the",
                "lowest at which wrong reads (misreads and false plates) are at most --max-wrong of the reads at or above it.",
                "Writes models/calibration.properties; the validation half is never read."})
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--images", required = true, paramLabel = "DIR") Path images;
    @Option(names = "--truth", required = true, paramLabel = "CSV") Path truth;

    @Option(names = "--out", paramLabel = "FILE",
            defaultValue = "${env:PLATEPAY_HOME:-.}/edge-agent/src/main/resources/models/calibration.properties",
            description = "(default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--max-wrong", defaultValue = "0.005", description = "wrong share allowed at the threshold (default: ${DEFAULT-VALUE})")
    double maxWrong;

    @Option(names = "--lambda", defaultValue = "1.0", description = "L2 penalty of the logistic fit (default: ${DEFAULT-VALUE})")
    double lambda;

    @Option(names = "--models", paramLabel = "DIR") Path models;

    @Mixin
    SecondOpinionOptions secondOpinion = new SecondOpinionOptions();

    /** One mode's fit: weights, threshold and the pooled curve. */
    private record Fit(double[] w, double threshold, String summary) {
    }

    @Override
    public Integer call() throws Exception {
        TruthTable table = TruthTable.load(truth);
        Fit own;
        try (PlateRecogniser r = PlateRecogniser.withModels(models)) {
            own = fit(r, table, false);
        }
        Fit with;
        try (PlateRecogniser r = secondOpinion.apply(PlateRecogniser.withModels(models))) {
            if (!r.hasSecondOpinion()) {
                System.err.println("calibrate: PaddleOCR model missing; cannot fit the with-second-opinion weights");
                return 1;
            }
            with = fit(r, table, true);
        }
        ReadCalibration c = new ReadCalibration(with.w(), with.threshold(), own.w(), own.threshold());
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            c.write(w, "Calibrated read confidence (ReadCalibration), written by ./platepay calibrate.\n"
                    + "Fitted on the TUNING half of the dev photos only, pooled over " + Condition.ROBUSTNESS + ".\n"
                    + String.format(Locale.ROOT, "Threshold: the lowest at which wrong reads are <= %.2f %% of the reads at or above it.%n", 100 * maxWrong)
                    + "with PaddleOCR: " + with.summary() + "\nown networks only: " + own.summary());
        }
        System.out.println("wrote " + out);
        return 0;
    }

    private Fit fit(PlateRecogniser recogniser, TruthTable table, boolean second) throws Exception {
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (Condition condition : Condition.ROBUSTNESS) {
            Scoreboard s = PhotoRecognition.score(recogniser, images, table, DevSplit.TUNING, condition);
            System.err.printf(Locale.ROOT, "%s, %s: exact %.1f %%, detection %.1f %%, %d reads%n",
                    second ? "with PaddleOCR" : "own networks", condition, 100 * s.exactMatch(), 100 * s.detectionRate(),
                    s.reads().size());
            for (Scoreboard.Read r : s.reads()) {
                if (r.reading().evidence() == null) continue;
                xs.add(ReadCalibration.features(r.reading().evidence(), second));
                ys.add(r.right() ? 1 : 0);
            }
        }
        double[][] x = xs.toArray(double[][]::new);
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        double[] w = ReadCalibration.fit(x, y, lambda);
        // probabilities of the pooled reads, most confident first
        ReadCalibration fitted = new ReadCalibration(w, 1, w, 1);
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) p[i] = fitted.probability(x[i], second);
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]));
        int right = 0;
        for (int v : y) right += v;
        double threshold = 1.0;
        int kept = 0, wrong = 0, keptAt = 0, wrongAt = 0;
        for (int k = 0; k < order.length; k++) {
            kept++;
            if (y[order[k]] == 0) wrong++;
            boolean lastOfTies = k == order.length - 1 || p[order[k + 1]] < p[order[k]];
            if (lastOfTies && (double) wrong / kept <= maxWrong) {
                threshold = p[order[k]];
                keptAt = kept;
                wrongAt = wrong;
            }
        }
        threshold = Math.floor(threshold * 10000) / 10000;   // written to four places, never above a kept read
        String summary = String.format(Locale.ROOT, "%d pooled reads (%d right); threshold %.4f keeps %d, %d wrong",
                x.length, right, threshold, keptAt, wrongAt);
        System.err.println((second ? "with PaddleOCR: " : "own networks: ") + summary);
        for (int j = 0; j < w.length; j++) System.err.printf(Locale.ROOT, "  %-16s %8.3f%n", ReadCalibration.FEATURES[j], w[j]);
        return new Fit(w, threshold, summary);
    }
}
