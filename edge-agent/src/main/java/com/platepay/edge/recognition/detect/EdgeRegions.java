package com.platepay.edge.recognition.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.convertScaleAbs;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import com.platepay.edge.recognition.PlateBox;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Plate-shaped clusters of vertical edges: a row of characters, whatever the light did to the plate's colour. The
 * cluster covers the characters, so each box is grown to the plate around them. Two closing widths cover small
 * and large plates.
 */
final class EdgeRegions {

    private static final int[] CLOSING_WIDTHS = {9, 17};
    /** Characters take 90 of the plate's 140 mm height and about 409 of its 440 mm width. */
    private static final double GROW_HEIGHT = 1.45;
    private static final double GROW_WIDTH = 1.08;

    private final PlateShape shape = new PlateShape(2.0, 8.0);

    List<PlateCandidate> find(Mat bgr) {
        List<PlateCandidate> candidates = new ArrayList<>();
        try (Mat grey = new Mat(); Mat gradient = new Mat(); Mat edges = new Mat()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            Sobel(grey, gradient, CV_16S, 1, 0, 3, 1, 0, org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT);
            convertScaleAbs(gradient, edges);
            threshold(edges, edges, 0, 255, THRESH_BINARY | THRESH_OTSU);
            for (int width : CLOSING_WIDTHS) {
                try (Mat closed = new Mat();
                     Mat close = getStructuringElement(MORPH_RECT, new Size(width, 3));
                     Mat open = getStructuringElement(MORPH_RECT, new Size(width / 2, 5))) {
                    morphologyEx(edges, closed, MORPH_CLOSE, close);
                    morphologyEx(closed, closed, MORPH_OPEN, open); // drops thin edge lines that are not text
                    for (PlateBox box : shape.regions(closed)) {
                        PlateBox plate = grown(box);
                        candidates.add(new PlateCandidate(plate, ColourLean.of(bgr, plate)));
                    }
                }
            }
        }
        return candidates;
    }

    private static PlateBox grown(PlateBox b) {
        return new PlateBox(b.cx(), b.cy(), b.width() * GROW_WIDTH, b.height() * GROW_HEIGHT, b.angleDeg());
    }
}
