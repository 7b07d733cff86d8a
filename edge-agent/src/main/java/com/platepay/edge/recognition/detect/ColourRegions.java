package com.platepay.edge.recognition.detect;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import com.platepay.edge.recognition.BoxOverlap;
import com.platepay.edge.recognition.PlateBox;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Plate-shaped regions of plate colour. The outer contour of a colour region ignores the characters inside it, so
 * no wide closing is needed that would glue a plate to a same-coloured car body. But characters that touch a bright
 * frame at top and bottom cut the plate's colour into strips, none plate-shaped: so each solid class is also closed
 * across a character's width, and the regions that only that bridging shows are added.
 */
final class ColourRegions {

    /** At the finder's working size, about a character's width on a plate 150 px wide. */
    private static final int BRIDGE_WIDTH = 9;
    /** A bridged region overlapping a plain one this much is the same region. */
    private static final double SAME_REGION_IOU = 0.5;

    private final PlateShape shape = new PlateShape(1.8, 6.5);
    /** Yellow plates also come in two rows (lorries, buses: 440 x 220 mm), seen at an aspect down to about 1.5. */
    private final PlateShape yellowShape = new PlateShape(1.3, 6.5);

    List<PlateCandidate> find(Mat bgr) {
        List<PlateCandidate> candidates = new ArrayList<>();
        try (Mat hsv = new Mat()) {
            cvtColor(bgr, hsv, COLOR_BGR2HSV);
            for (ColourClasses colourClass : ColourClasses.values()) {
                List<PlateBox> plain = regions(hsv, colourClass, 3);
                for (PlateBox box : plain) {
                    candidates.add(new PlateCandidate(box, List.of(colourClass.colour), colourClass.faint));
                }
                if (colourClass.faint) continue;   // faint colour is loose enough already
                for (PlateBox box : regions(hsv, colourClass, BRIDGE_WIDTH)) {
                    if (plain.stream().noneMatch(p -> BoxOverlap.iou(p, box) > SAME_REGION_IOU)) {
                        candidates.add(new PlateCandidate(box, List.of(colourClass.colour)));
                    }
                }
            }
        }
        return candidates;
    }

    /** Plate-shaped regions of the class's mask closed by a {@code closingWidth} x 3 rectangle. */
    private List<PlateBox> regions(Mat hsv, ColourClasses colourClass, int closingWidth) {
        try (Mat mask = colourClass.mask(hsv);
             Mat kernel = getStructuringElement(MORPH_RECT, new Size(closingWidth, 3))) {
            morphologyEx(mask, mask, MORPH_CLOSE, kernel);
            return (colourClass == ColourClasses.YELLOW ? yellowShape : shape).regions(mask);
        }
    }
}
