package com.platepay.edge.recognition.train;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_ml.ROW_SAMPLE;

import com.platepay.edge.recognition.read.CharClassifier;
import com.platepay.edge.recognition.read.CharFeatures;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.TermCriteria;
import org.bytedeco.opencv.opencv_ml.ANN_MLP;
import org.bytedeco.opencv.opencv_ml.TrainData;

/** Trains one character classifier: an OpenCV multilayer perceptron (one hidden layer, RPROP). */
final class CharModelTrainer {

    private final int hiddenUnits;
    private final int iterations;

    CharModelTrainer(int hiddenUnits, int iterations) {
        this.hiddenUnits = hiddenUnits;
        this.iterations = iterations;
    }

    CharClassifier train(CharSamples samples) {
        int classes = samples.charSet.size();
        ANN_MLP network = ANN_MLP.create();
        try (Mat layers = new Mat(1, 3, CV_32S)) {
            new IntPointer(layers.data()).put(CharFeatures.LENGTH, hiddenUnits, classes);
            network.setLayerSizes(layers);
        }
        network.setActivationFunction(ANN_MLP.SIGMOID_SYM, 1, 1);
        network.setTrainMethod(ANN_MLP.RPROP, 0.1, 1e-7);
        network.setTermCriteria(new TermCriteria(TermCriteria.MAX_ITER + TermCriteria.EPS, iterations, 1e-5));
        try (Mat x = toFeatureMat(samples); Mat y = oneHot(samples, classes);
             TrainData data = TrainData.create(x, ROW_SAMPLE, y)) {
            network.train(data, 0);
        }
        return new CharClassifier(samples.charSet, network);
    }

    private static Mat toFeatureMat(CharSamples samples) {
        Mat m = new Mat(samples.size(), CharFeatures.LENGTH, CV_32F);
        float[] flat = new float[samples.size() * CharFeatures.LENGTH];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(samples.features.get(i), 0, flat, i * CharFeatures.LENGTH, CharFeatures.LENGTH);
        }
        new FloatPointer(m.data()).put(flat);
        return m;
    }

    private static Mat oneHot(CharSamples samples, int classes) {
        Mat m = new Mat(samples.size(), classes, CV_32F);
        float[] flat = new float[samples.size() * classes];
        for (int i = 0; i < samples.size(); i++) {
            flat[i * classes + samples.labels.get(i)] = 1f;
        }
        new FloatPointer(m.data()).put(flat);
        return m;
    }
}
