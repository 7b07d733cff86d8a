package com.platepay.edge.lane;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import com.platepay.edge.recognition.PlateBox;
import com.platepay.edge.recognition.PlateReading;
import com.platepay.edge.recognition.PlateRecogniser;
import com.platepay.edge.recognition.video.PassVoter;
import com.platepay.edge.recognition.video.VehiclePass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Turns the frames of one lane into one read per passing vehicle with the recogniser's public API: its voter picks
 * the plate, and the best frame of the winning text gives the candidates and the crop. Not thread-safe.
 */
final class PassReader {

    /** A vehicle's read: what goes to the server, and the crop that stays on the box. */
    record Pass(String plate, String colour, int confidence, List<Candidate> candidates, byte[] cropPng) {
    }

    record Candidate(String plate, int score) {
    }

    private final PlateRecogniser recogniser;
    private final PassVoter voter;
    private final List<PlateReading> bestOfPass = new ArrayList<>();
    private byte[] bestCrop;
    private PlateReading best;

    PassReader(PlateRecogniser recogniser, int gapFrames) {
        this.recogniser = recogniser;
        this.voter = new PassVoter(gapFrames);
    }

    /** Feeds one frame (BGR); returns a vehicle when this frame ends its pass. */
    Optional<Pass> accept(Mat frame) {
        List<PlateReading> readings = recogniser.recognise(frame);
        if (!readings.isEmpty()) {
            PlateReading top = readings.get(0);
            bestOfPass.add(top);
            if (best == null || top.confidence() > best.confidence()) {
                best = top;
                bestCrop = crop(frame, top.box());
            }
        }
        return voter.accept(readings).map(this::pass);
    }

    /** Ends the pass in progress (end of the images or the stream). */
    Optional<Pass> finish() {
        return voter.finish().map(this::pass);
    }

    private Pass pass(VehiclePass vote) {
        PlateReading sample = bestOfPass.stream().filter(r -> r.text().equals(vote.plate()))
                .max(java.util.Comparator.comparingDouble(PlateReading::confidence)).orElse(best);
        double meanConfidence = bestOfPass.stream().filter(r -> r.text().equals(vote.plate())).mapToDouble(PlateReading::confidence)
                .average().orElse(0);
        // Sure only when the frames agree and each read was sure: the vote share times the winner's mean confidence.
        int confidence = (int) Math.round(1000 * vote.confidence() * meanConfidence);
        List<Candidate> candidates = sample.alternatives().stream().filter(a -> !a.text().equals(vote.plate())).limit(4)
                .map(a -> new Candidate(a.text(), (int) Math.round(1000 * Math.min(1, a.score())))).toList();
        Pass pass = new Pass(vote.plate(), vote.colour() == null ? null : vote.colour().name(), Math.min(1000, confidence), candidates,
                bestCrop);
        bestOfPass.clear();
        best = null;
        bestCrop = null;
        return pass;
    }

    private static byte[] crop(Mat frame, PlateBox box) {
        int x = clamp((int) (box.cx() - box.width() / 2), frame.cols() - 1);
        int y = clamp((int) (box.cy() - box.height() / 2), frame.rows() - 1);
        int w = Math.max(1, Math.min((int) box.width(), frame.cols() - x));
        int h = Math.max(1, Math.min((int) box.height(), frame.rows() - y));
        try (Mat roi = new Mat(frame, new Rect(x, y, w, h)); BytePointer png = new BytePointer()) {
            imencode(".png", roi, png);
            byte[] out = new byte[(int) png.limit()];
            png.get(out);
            return out;
        }
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
