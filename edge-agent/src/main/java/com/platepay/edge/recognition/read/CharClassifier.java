package com.platepay.edge.recognition.read;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_ml.ANN_MLP;

/** A trained multilayer perceptron over {@link CharFeatures}, answering a probability per symbol of its {@link CharSet}. */
public final class CharClassifier implements AutoCloseable {

    /** Sharpens the network's tanh-range outputs into probabilities; the value only matters for confidence display. */
    private static final double SOFTMAX_GAIN = 4.0;

    private final CharSet charSet;
    private final ANN_MLP network;

    public CharClassifier(CharSet charSet, ANN_MLP network) {
        this.charSet = charSet;
        this.network = network;
    }

    /** Loads the model for {@code charSet} from {@code models/} on the class path (OpenCV loads only from files). */
    public static CharClassifier fromClasspath(CharSet charSet) {
        String resource = "/models/" + charSet.modelFile();
        try (InputStream in = CharClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model " + resource + " is missing: run `./platepay train`");
            }
            Path tmp = Files.createTempFile("platepay-" + charSet.name().toLowerCase(), ".xml.gz");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return fromFile(charSet, tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CharClassifier fromFile(CharSet charSet, Path file) {
        ANN_MLP network = ANN_MLP.load(file.toString());
        if (network == null || network.empty()) {
            throw new IllegalStateException("not a trained model: " + file);
        }
        return new CharClassifier(charSet, network);
    }

    /** Writes the network; a {@code .gz} suffix compresses it. */
    public void save(Path file) {
        network.save(file.toString());
    }

    /** One probability row per feature vector, in one call to the network (cheaper than a call per character). */
    public double[][] probabilities(List<float[]> features) {
        int n = features.size();
        double[][] result = new double[n][];
        if (n == 0) {
            return result;
        }
        try (Mat samples = toMat(features); Mat outputs = new Mat()) {
            network.predict(samples, outputs, 0);
            int classes = outputs.cols();
            if (classes != charSet.size()) {
                throw new IllegalStateException("the " + charSet + " model answers " + classes + " classes, expected "
                        + charSet.size() + ": retrain with `./platepay train`");
            }
            float[] raw = new float[n * classes];
            new FloatPointer(outputs.data()).get(raw);
            for (int i = 0; i < n; i++) {
                result[i] = softmax(raw, i * classes, classes);
            }
        }
        return result;
    }

    static Mat toMat(List<float[]> rows) {
        int cols = rows.get(0).length;
        Mat m = new Mat(rows.size(), cols, CV_32F);
        float[] flat = new float[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * cols, cols);
        }
        new FloatPointer(m.data()).put(flat);
        return m;
    }

    private static double[] softmax(float[] raw, int offset, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, raw[offset + i]);
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(SOFTMAX_GAIN * (raw[offset + i] - max));
            sum += p[i];
        }
        for (int i = 0; i < n; i++) p[i] /= sum;
        return p;
    }

    @Override
    public void close() {
        network.close();
    }
}
