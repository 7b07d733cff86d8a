package com.platepay.edge.recognition.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.edge.recognition.PlateBox;
import com.platepay.edge.recognition.PlateReading;
import com.platepay.protocol.plate.PlateColour;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

    private static final PlateBox BOX = new PlateBox(100, 50, 120, 40, 0);

    @Test
    void comparesPlatesWithLetterOAsZeroAndLetterIAsOne() {
        assertEquals("京A0D081", Scoreboard.comparable(" 京a0dO8I "));
        assertEquals(Scoreboard.comparable("辽BG0D80"), Scoreboard.comparable("辽BGOD80"));
        assertEquals(Scoreboard.comparable("粤A1234"), Scoreboard.comparable("粤AI234"));
    }

    @Test
    void countsExactDetectedAndMissedPlatesOverAllTruePlates() {
        Scoreboard scores = new Scoreboard();
        TruePlate read = new TruePlate("a.jpg", "浙E6686V", "blue", BOX);
        TruePlate misread = new TruePlate("a.jpg", "辽BG0D80", "blue", new PlateBox(400, 50, 120, 40, 0));
        TruePlate missed = new TruePlate("b.jpg", "粤AA0825", "yellow", BOX);
        scores.add("a.jpg", List.of(read, misread), List.of(reading("浙E6686V", BOX),
                reading("辽BG0D88", new PlateBox(402, 51, 118, 41, 1))), 10, 8);
        scores.add("b.jpg", List.of(missed), List.of(reading("粤AA0825", new PlateBox(600, 400, 120, 40, 0))), 30, 25);

        assertEquals(1 / 3.0, scores.exactMatch(), 1e-9);
        assertEquals(2 / 3.0, scores.detectionRate(), 1e-9);
        assertEquals(13 / 14.0, scores.charAccuracy(), 1e-9);
        assertEquals(1.0, scores.provinceAccuracy(), 1e-9);
        assertEquals(10, scores.millisPercentile(50), 1e-9);
        assertEquals(30, scores.millisPercentile(95), 1e-9);
        assertEquals(8, scores.cpuMillisPercentile(50), 1e-9);
        assertEquals(25, scores.cpuMillisPercentile(95), 1e-9);
        assertEquals(List.of(new Scoreboard.Miss(misread, "辽BG0D88"), new Scoreboard.Miss(missed, "")),
                scores.misses());
        assertEquals(1, scores.falsePlates().size(), "the reading far from b.jpg's plate");
        assertEquals("b.jpg", scores.falsePlates().get(0).image());
        assertEquals("粤AA0825", scores.falsePlates().get(0).reading().text());
    }

    @Test
    void aReadingOfTheTruthInAnotherOrientationConventionStillOverlaps() {
        Scoreboard scores = new Scoreboard();
        PlateBox portraitConvention = new PlateBox(100, 50, 40, 120, -90);
        scores.add("a.jpg", List.of(new TruePlate("a.jpg", "津NRL118", "blue", portraitConvention)),
                List.of(reading("津NRL118", BOX)), 5, 5);
        assertEquals(1.0, scores.exactMatch(), 1e-9);
    }

    @Test
    void theCurveCountsReadsKeptAndWrongOnesIncludingFalsePlates() {
        Scoreboard scores = new Scoreboard(0.8);
        TruePlate a = new TruePlate("a.jpg", "浙E6686V", "blue", BOX);
        TruePlate b = new TruePlate("a.jpg", "辽BG0D80", "blue", new PlateBox(400, 50, 120, 40, 0));
        scores.add("a.jpg", List.of(a, b), List.of(reading("浙E6686V", BOX).withCalibrated(0.95),
                reading("辽BG0D88", new PlateBox(402, 51, 118, 41, 1)).withCalibrated(0.85),
                reading("粤AA0825", new PlateBox(700, 300, 120, 40, 0)).withCalibrated(0.3)), 10, 8);

        assertEquals(new Scoreboard.CurvePoint(0.0, 3, 2, 1), scores.at(0.0));
        assertEquals(new Scoreboard.CurvePoint(0.8, 2, 1, 1), scores.at(0.8));
        assertEquals(new Scoreboard.CurvePoint(0.9, 1, 0, 1), scores.at(0.9));
        assertEquals(0.5, scores.at(0.8).wrongRate(), 1e-9);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        scores.printCurve(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(printed.contains("wrong and acted on: a.jpg 辽BG0D88"), printed);
    }

    private static PlateReading reading(String text, PlateBox box) {
        return new PlateReading(text, PlateColour.BLUE, 0.9, new double[text.length()], box, List.of());
    }
}
