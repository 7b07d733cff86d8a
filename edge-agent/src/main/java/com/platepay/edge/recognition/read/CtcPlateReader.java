package com.platepay.edge.recognition.read;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The project's own segmentation-free reader: a small CNN trained with CTC over the whole rectified plate
 * ({@code edge-agent/train/ctc_train.py}, committed as {@code models/ctc.onnx}), run in ONNX Runtime on one thread.
 * It sees the plate as the character classifiers do (red channel, characters bright), shrunk to 128x32.
 */
public final class CtcPlateReader implements AutoCloseable {

    public static final int WIDTH = 128, HEIGHT = 32;
    /** Output classes after the blank (index 0): every province, then letters, digits and suffixes. */
    public static final String ALPHABET = CharSet.PROVINCE.alphabet() + CharSet.SERIAL.alphabet();
    public static final String RESOURCE = "/models/ctc.onnx";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;

    /** A reading: its text (blanks and repeats dropped) and each symbol's probability. */
    public record Text(String text, double[] charConfidences) {
        public boolean isPlate() {
            return PlateNumber.isValid(text);
        }

        public double minConfidence() {
            double min = 1;
            for (double c : charConfidences) min = Math.min(min, c);
            return charConfidences.length == 0 ? 0 : min;
        }
    }

    public CtcPlateReader(byte[] model) {
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            this.session = env.createSession(model, options);
            this.inputName = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the CTC plate model", e);
        }
    }

    /** The committed model from the classpath. */
    public static CtcPlateReader committed() {
        try (InputStream in = CtcPlateReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the classpath");
            return new CtcPlateReader(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed model, or empty (with a message on stderr) when the build has none. */
    public static java.util.Optional<CtcPlateReader> committedIfPresent() {
        if (CtcPlateReader.class.getResource(RESOURCE) == null) {
            System.err.println("edge-agent: no " + RESOURCE + ": reading without the CTC reader");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(committed());
    }

    /** The network's input: the bright-character channel at 128x32, one byte per pixel, row-major. */
    public static byte[] input(Mat plate, PlateColour colour) {
        byte[] pixels = new byte[WIDTH * HEIGHT];
        try (Mat grey = PlateReader.brightCharacters(plate, colour); Mat small = new Mat()) {
            resize(grey, small, new Size(WIDTH, HEIGHT), 0, 0, INTER_AREA);
            try (UByteIndexer px = small.createIndexer()) {
                for (int y = 0; y < HEIGHT; y++) {
                    for (int x = 0; x < WIDTH; x++) pixels[y * WIDTH + x] = (byte) px.get(y, x);
                }
            }
        }
        return pixels;
    }

    /** Reads a rectified plate (BGR) of the given colour. */
    public Text read(Mat plate, PlateColour colour) {
        return read(input(plate, colour));
    }

    /** Reads an {@link #input}: normalised per image to zero mean and unit spread, as the trainer does. */
    public Text read(byte[] pixels) {
        float[] x = new float[pixels.length];
        double sum = 0, sq = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = pixels[i] & 0xff;
            sum += x[i];
        }
        double mean = sum / x.length;
        for (float v : x) sq += (v - mean) * (v - mean);
        double sd = Math.max(Math.sqrt(sq / x.length), 8.0);
        for (int i = 0; i < x.length; i++) x[i] = (float) ((x[i] - mean) / sd);
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 1, HEIGHT, WIDTH});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            return decode(((float[][][]) result.get(0).getValue())[0]);
        } catch (OrtException e) {
            throw new IllegalStateException("CTC plate model failed", e);
        }
    }

    /** Greedy CTC decoding of per-step probabilities: best class per step, repeats merged, blanks dropped. */
    static Text decode(float[][] steps) {
        StringBuilder text = new StringBuilder();
        List<Double> confidences = new ArrayList<>();
        int previous = 0;
        double runBest = 0;
        for (float[] step : steps) {
            int best = 0;
            for (int k = 1; k < step.length; k++) {
                if (step[k] > step[best]) best = k;
            }
            if (best != 0 && best == previous) {   // the same symbol over several steps: keep its surest step
                runBest = Math.max(runBest, step[best]);
                confidences.set(confidences.size() - 1, runBest);
            } else if (best != 0) {
                text.append(ALPHABET.charAt(best - 1));
                runBest = step[best];
                confidences.add(runBest);
            }
            previous = best;
        }
        return new Text(text.toString(), confidences.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing: nothing left to do
        }
    }
}
