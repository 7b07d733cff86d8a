package com.platepay.edge.recognition.train;

import com.platepay.edge.recognition.read.CharSet;
import java.util.ArrayList;
import java.util.List;

/** Labelled feature vectors for one {@link CharSet}. */
final class CharSamples {

    final CharSet charSet;
    final List<float[]> features = new ArrayList<>();
    final List<Integer> labels = new ArrayList<>();

    CharSamples(CharSet charSet) {
        this.charSet = charSet;
    }

    void add(float[] feature, char symbol) {
        int label = charSet.indexOf(symbol);
        if (label < 0) {
            throw new IllegalArgumentException("'" + symbol + "' is not in " + charSet);
        }
        features.add(feature);
        labels.add(label);
    }

    void addAll(CharSamples other) {
        features.addAll(other.features);
        labels.addAll(other.labels);
    }

    /** At most {@code max} samples of each symbol, the first ones made: keeps training time bounded and classes balanced. */
    CharSamples capPerClass(int max) {
        CharSamples capped = new CharSamples(charSet);
        int[] counts = new int[charSet.size()];
        for (int i = 0; i < size(); i++) {
            if (counts[labels.get(i)]++ < max) {
                capped.features.add(features.get(i));
                capped.labels.add(labels.get(i));
            }
        }
        return capped;
    }

    int size() {
        return labels.size();
    }
}
