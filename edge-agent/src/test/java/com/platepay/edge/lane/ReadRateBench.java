package com.platepay.edge.lane;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import com.platepay.edge.recognition.PlateRecogniser;
import com.platepay.protocol.plate.PlateColour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A benchmark, not a test: how many vehicle reads one lane box makes per second on the cores it is given (run it
 * under {@code taskset -c 0}). A read is a pass of {@code frames} rendered frames through the recogniser and voter.
 * Usage: ReadRateBench [frames per pass] [seconds].
 */
public final class ReadRateBench {
    public static void main(String[] args) throws Exception {
        int framesPerPass = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("read-rate");
        CarImages.write("黑E12345", PlateColour.BLUE, dir, framesPerPass, 7);
        List<Mat> frames = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.sorted().forEach(f -> frames.add(imread(f.toString())));
        }
        try (PlateRecogniser recogniser = LaneCli.recogniser()) {
            PassReader reader = new PassReader(recogniser, 8);
            for (int i = 0; i < 3; i++) {
                pass(reader, frames);
            }
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            int reads = 0;
            while (System.nanoTime() < end) {
                if (pass(reader, frames).equals("黑E12345")) {
                    reads++;
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("READ RATE: %d reads of %d frames in %.1f s: %.2f reads/s, %.1f frames/s%n", reads, framesPerPass, elapsed,
                    reads / elapsed, reads * framesPerPass / elapsed);
        }
    }

    private static String pass(PassReader reader, List<Mat> frames) {
        for (Mat f : frames) {
            reader.accept(f);
        }
        return reader.finish().map(PassReader.Pass::plate).orElse("");
    }
}
