package com.platepay.edge.recognition.train;

import com.platepay.edge.recognition.read.CharClassifier;
import com.platepay.edge.recognition.read.CharSet;
import com.platepay.edge.recognition.read.PlateReader;
import com.platepay.edge.recognition.train.SyntheticCharSource.LabelledPlate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole training run behind {@code ./platepay train}: synthetic plates, character samples, two perceptrons, model
 * files, and a check on synthetic plates from seeds the training never used.
 */
public final class ModelTraining {

    /**
     * @param seed       first plate's seed; the committed models use the defaults of {@code TrainCommand}
     * @param plates     synthetic plates to cut samples from
     * @param perClass   cap on synthetic samples per symbol
     * @param easyPr     unpacked EasyPR character crops to add, or null for synthetic plates only
     */
    public record Settings(long seed, int plates, int perClass, int hiddenUnits, int iterations, Path outputDir,
                           Path easyPr) {
    }

    private final Settings settings;
    private final PrintStream log;

    public ModelTraining(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public void run() throws IOException {
        SyntheticCharSource source = new SyntheticCharSource(PlateFonts.load());
        long t0 = System.nanoTime();
        CharSamples[] samples = source.samples(settings.seed(), settings.plates());
        log.printf("rendered %d synthetic plates in %.0f s%n", settings.plates(), seconds(t0));
        CharSamples[] real = null;
        if (settings.easyPr() != null) {
            real = new EasyPrCharSource(settings.easyPr(), settings.seed()).samples();
            log.printf("added EasyPR crops: %d province, %d serial%n", real[0].size(), real[1].size());
        }
        Files.createDirectories(settings.outputDir());
        CharModelTrainer trainer = new CharModelTrainer(settings.hiddenUnits(), settings.iterations());
        CharClassifier[] classifiers = new CharClassifier[2];
        for (int i = 0; i < 2; i++) {
            CharSamples set = samples[i].capPerClass(settings.perClass());
            if (real != null) set.addAll(real[i]);
            long t = System.nanoTime();
            classifiers[i] = trainer.train(set);
            Path file = settings.outputDir().resolve(set.charSet.modelFile());
            classifiers[i].save(file);
            log.printf("trained %s on %d samples in %.0f s -> %s%n", set.charSet, set.size(), seconds(t), file);
        }
        try (PlateReader reader = new PlateReader(classifiers[0], classifiers[1])) {
            checkOnUnseenPlates(source, reader, settings.seed() + 10_000_000L, 300);
        }
    }

    /** Reads plates from seeds outside the training range, through the same segmenter the agent uses. */
    private void checkOnUnseenPlates(SyntheticCharSource source, PlateReader reader, long seed, int count) {
        int exact = 0, chars = 0, total = 0;
        for (int i = 0; i < count; i++) {
            LabelledPlate p = source.plate(seed + i);
            PlateReader.Result result = reader.read(p.plate(), p.colour());
            p.plate().close();
            String read = result.isEmpty() ? "" : result.alternatives().get(0).text();
            if (read.equals(p.text())) exact++;
            for (int k = 0; k < p.text().length(); k++) {
                if (k < read.length() && read.charAt(k) == p.text().charAt(k)) chars++;
            }
            total += p.text().length();
        }
        log.printf("unseen synthetic plates: %d/%d read exactly (%.1f %%), characters %.1f %%%n",
                exact, count, 100.0 * exact / count, 100.0 * chars / total);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

}
