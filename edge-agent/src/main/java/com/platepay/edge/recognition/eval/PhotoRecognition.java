package com.platepay.edge.recognition.eval;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import com.platepay.edge.recognition.PlateReading;
import com.platepay.edge.recognition.PlateRecogniser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Recognition of photo files, timed without the JPEG decoding (a camera hands over decoded frames): wall time, and
 * the CPU time of the recognising thread alone, which the JIT compiler and the garbage collector sharing the core
 * while the JVM warms up do not inflate.
 */
public final class PhotoRecognition {

    private PhotoRecognition() {
    }

    public record PhotoResult(String image, List<PlateReading> readings, double ms, double cpuMs) {
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    public static List<Path> imageFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|bmp)"))
                    .sorted().toList();
        }
    }

    /** Empty when the file does not decode as an image. */
    public static Optional<PhotoResult> recognise(PlateRecogniser recogniser, Path file) {
        return recognise(recogniser, file, Condition.AS_IS);
    }

    /** As {@link #recognise(PlateRecogniser, Path)}, on the photo changed by {@code condition} (in memory). */
    public static Optional<PhotoResult> recognise(PlateRecogniser recogniser, Path file, Condition condition) {
        try (Mat decoded = imread(file.toString())) {
            if (decoded.empty()) {
                return Optional.empty();
            }
            try (Mat frame = condition.isIdentity() ? null : condition.apply(decoded)) {
                return Optional.of(timed(recogniser, frame == null ? decoded : frame, file.getFileName().toString()));
            }
        }
    }

    private static PhotoResult timed(PlateRecogniser recogniser, Mat frame, String image) {
        {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<PlateReading> readings = recogniser.recognise(frame);
            double ms = (System.nanoTime() - t0) / 1e6;
            double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
            return new PhotoResult(image, readings, ms, cpuMs);
        }
    }

    /** Recognises every image of {@code dir} and scores it against {@code truth}. */
    public static Scoreboard score(PlateRecogniser recogniser, Path dir, TruthTable truth) throws IOException {
        Scoreboard scores = new Scoreboard();
        for (Path file : imageFiles(dir)) {
            recognise(recogniser, file).ifPresent(r -> scores.add(r.image(), truth.platesIn(r.image()), r.readings(), r.ms(), r.cpuMs()));
        }
        return scores;
    }

    /** As {@link #score}, for the photos of one half of the {@link DevSplit} under {@code condition}. */
    public static Scoreboard score(PlateRecogniser recogniser, Path dir, TruthTable truth, DevSplit half,
                                   Condition condition) throws IOException {
        Scoreboard scores = new Scoreboard(recogniser.actThreshold());
        for (Path file : imageFiles(dir)) {
            if (half != null && DevSplit.of(file.getFileName().toString()) != half) continue;
            recognise(recogniser, file, condition).ifPresent(r -> scores.add(r.image(),
                    truth.platesIn(r.image()).stream().map(condition::apply).toList(), r.readings(), r.ms(), r.cpuMs()));
        }
        return scores;
    }
}
