package com.platepay.edge.recognition.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class InkComponentsTest {

    @Test
    void findsTheBoundingBoxOfEachEightConnectedComponent() {
        String[] rows = {
                "#.......#.#",
                ".#......#.#",
                "..#.....###",
                "...........",
                "##...#####.",
                "#.........."};
        int width = rows[0].length(), height = rows.length;
        byte[] ink = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (rows[y].charAt(x) == '#') ink[y * width + x] = (byte) 255;
            }
        }

        List<InkComponents.Box> boxes = InkComponents.boxes(ink, width, height).stream()
                .sorted(Comparator.comparingInt(InkComponents.Box::left).thenComparingInt(InkComponents.Box::top))
                .toList();

        assertEquals(List.of(
                new InkComponents.Box(0, 0, 3, 3),   // a diagonal: joined through corners
                new InkComponents.Box(0, 4, 2, 6),
                new InkComponents.Box(5, 4, 10, 5),
                new InkComponents.Box(8, 0, 11, 3)), // a U whose arms meet only at the bottom
                boxes);
    }

    /** Random ink at several densities (stairs, spirals and forks included by chance) agrees with OpenCV's labelling. */
    @Test
    void agreesWithOpenCvOnRandomInk() {
        Random random = new Random(7);
        int width = 61, height = 23;
        for (int round = 0; round < 300; round++) {
            double density = 0.2 + 0.5 * random.nextDouble();
            byte[] ink = new byte[width * height];
            for (int i = 0; i < ink.length; i++) {
                if (random.nextDouble() < density) ink[i] = (byte) 255;
            }
            assertEquals(sorted(openCvBoxes(ink, width, height)), sorted(InkComponents.boxes(ink, width, height)),
                    "round " + round);
        }
    }

    private static List<InkComponents.Box> openCvBoxes(byte[] ink, int width, int height) {
        List<InkComponents.Box> boxes = new ArrayList<>();
        try (Mat image = new Mat(height, width, CV_8UC1); Mat labels = new Mat(); Mat stats = new Mat();
             Mat centroids = new Mat()) {
            new BytePointer(image.data()).put(ink);
            int n = connectedComponentsWithStats(image, labels, stats, centroids, 8, org.bytedeco.opencv.global.opencv_core.CV_32S);
            try (IntIndexer s = stats.createIndexer()) {
                for (int label = 1; label < n; label++) {
                    int left = s.get(label, CC_STAT_LEFT), top = s.get(label, CC_STAT_TOP);
                    boxes.add(new InkComponents.Box(left, top, left + s.get(label, CC_STAT_WIDTH),
                            top + s.get(label, CC_STAT_HEIGHT)));
                }
            }
        }
        return boxes;
    }

    private static List<InkComponents.Box> sorted(List<InkComponents.Box> boxes) {
        return boxes.stream().sorted(Comparator.comparingInt(InkComponents.Box::left)
                .thenComparingInt(InkComponents.Box::top).thenComparingInt(InkComponents.Box::right)
                .thenComparingInt(InkComponents.Box::bottom)).toList();
    }
}
