package com.platepay.edge.recognition.video;

import com.platepay.edge.recognition.PlateReading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns per-frame reads of one lane into one read per vehicle. A pass starts with the first frame that has a plate
 * and ends after {@code gapFrames} frames without one; the text with the highest summed confidence wins, so a
 * single misread frame cannot outvote several good ones.
 */
public final class PassVoter {

    private final int gapFrames;
    private final Map<String, Double> confidenceByText = new HashMap<>();
    private final Map<String, Integer> votesByText = new HashMap<>();
    private final Map<String, PlateReading> sampleByText = new HashMap<>();
    private int framesWithRead;
    private int framesSinceRead;

    public PassVoter(int gapFrames) {
        this.gapFrames = gapFrames;
    }

    /** Feeds one frame's reads; returns the finished pass when this frame closes one. */
    public Optional<VehiclePass> accept(List<PlateReading> frameReadings) {
        if (frameReadings.isEmpty()) {
            framesSinceRead++;
            return framesWithRead > 0 && framesSinceRead >= gapFrames ? finish() : Optional.empty();
        }
        PlateReading best = frameReadings.get(0); // readings come most confident first
        framesSinceRead = 0;
        framesWithRead++;
        confidenceByText.merge(best.text(), best.confidence(), Double::sum);
        votesByText.merge(best.text(), 1, Integer::sum);
        sampleByText.putIfAbsent(best.text(), best);
        return Optional.empty();
    }

    /** Ends the current pass (end of stream). */
    public Optional<VehiclePass> finish() {
        if (framesWithRead == 0) {
            return Optional.empty();
        }
        String winner = confidenceByText.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double total = confidenceByText.values().stream().mapToDouble(Double::doubleValue).sum();
        VehiclePass pass = new VehiclePass(winner, sampleByText.get(winner).colour(), votesByText.get(winner),
                framesWithRead, confidenceByText.get(winner) / total);
        confidenceByText.clear();
        votesByText.clear();
        sampleByText.clear();
        framesWithRead = 0;
        framesSinceRead = 0;
        return Optional.of(pass);
    }
}
