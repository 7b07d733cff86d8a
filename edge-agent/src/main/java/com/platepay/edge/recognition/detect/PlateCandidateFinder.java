package com.platepay.edge.recognition.detect;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Plate candidates from colour and from edges. Works on a copy of the frame at most {@value #WORKING_SIZE} px on its
 * long side (plates stay above ~25 px wide there) and reports boxes in full-frame pixels, so reading can use every
 * pixel the camera gave.
 */
public final class PlateCandidateFinder {

    public static final int WORKING_SIZE = 880;

    private final ColourRegions colourRegions = new ColourRegions();
    private final EdgeRegions edgeRegions = new EdgeRegions();

    public List<PlateCandidate> find(Mat frame) {
        return find(frame, WORKING_SIZE);
    }

    /** Candidates found on a copy at most {@code workingSize} px on its long side. */
    public List<PlateCandidate> find(Mat frame, int workingSize) {
        int longSide = Math.max(frame.cols(), frame.rows());
        double scale = Math.min(1.0, (double) workingSize / longSide);
        List<PlateCandidate> found = new ArrayList<>();
        try (Mat small = new Mat()) {
            if (scale < 1.0) {
                resize(frame, small, new Size(), scale, scale, INTER_LINEAR);
            } else {
                frame.copyTo(small);
            }
            found.addAll(colourRegions.find(small));
            found.addAll(edgeRegions.find(small));
        }
        List<PlateCandidate> inFrame = new ArrayList<>(found.size());
        for (PlateCandidate c : found) {
            inFrame.add(new PlateCandidate(c.box().scaled(1 / scale), c.colours(), c.faint()));
        }
        // Faint candidates last: most plates they find were already read from another candidate, and are skipped.
        inFrame.sort(java.util.Comparator.comparing(PlateCandidate::faint));
        return inFrame;
    }
}
