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
        try (Mat frame = imread(file.toString())) {
            if (frame.empty()) {
                return Optional.empty();
            }
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<PlateReading> readings = recogniser.recognise(frame);
            double ms = (System.nanoTime() - t0) / 1e6;
            double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
            return Optional.of(new PhotoResult(file.getFileName().toString(), readings, ms, cpuMs));
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
}
