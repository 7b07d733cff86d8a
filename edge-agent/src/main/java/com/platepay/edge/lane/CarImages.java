package com.platepay.edge.lane;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.platepay.edge.recognition.train.PlateFonts;
import com.platepay.edge.recognition.train.SyntheticPlateRenderer;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./platepay lane-images}: frames of a car's rear at the barrier for a plate, drawn with the edge agent's
 * synthetic plate renderer (the one its training uses), as a lane camera would see the car roll up.
 */
@Command(name = "lane-images", mixinStandardHelpOptions = true, description = "Renders camera frames of a car with the given plate.")
public final class CarImages implements Callable<Integer> {

    @Option(names = "--plate", required = true)
    String plate;

    @Option(names = "--colour", defaultValue = "BLUE")
    PlateColour colour;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--frames", defaultValue = "5")
    int frames;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CarImages()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String text = PlateNumber.parse(plate).text();
        write(text, colour, out, frames, seed);
        System.err.println("wrote " + frames + " frames of " + text + " to " + out);
        return 0;
    }

    /** Writes {@code frames} PNG frames of a car with this plate to {@code out}. */
    static void write(String text, PlateColour colour, Path out, int frames, long seed) throws java.io.IOException {
        Files.createDirectories(out);
        SyntheticPlateRenderer renderer = new SyntheticPlateRenderer(PlateFonts.load());
        Random random = new Random(seed);
        for (int i = 0; i < frames; i++) {
            try (Mat frame = new Mat(600, 900, CV_8UC3, new Scalar(70, 75, 80, 0))) {
                // The car's body, coming closer frame by frame; the plate centred low on it.
                int grow = 12 * i;
                rectangle(frame, new Rect(200 - grow, 150 - grow / 2, 500 + 2 * grow, 380 + grow), new Scalar(140, 40, 30, 0), -1, 8, 0);
                SyntheticPlateRenderer.RenderedPlate p = renderer.render(text, colour, random);
                int w = 200 + 8 * i;
                int h = (int) Math.round(w / 3.14);
                Rect where = new Rect(450 - w / 2, 380 - h / 2 + 4 * i, w, h);
                try (Mat small = new Mat(); Mat roi = new Mat(frame, where)) {
                    resize(p.image(), small, new Size(where.width(), where.height()), 0, 0, INTER_AREA);
                    small.copyTo(roi);
                }
                Path file = out.resolve(String.format("frame-%02d.png", i));
                imwrite(file.toString(), frame);
            }
        }
    }
}
