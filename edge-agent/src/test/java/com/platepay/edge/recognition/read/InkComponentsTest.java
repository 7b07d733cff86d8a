package com.platepay.edge.recognition.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
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
}
