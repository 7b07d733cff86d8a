package com.platepay.edge.recognition.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.edge.recognition.PlateReading.Alternative;
import com.platepay.protocol.plate.PlateNumber;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingDecoderTest {

    private final ReadingDecoder decoder = new ReadingDecoder();

    @Test
    void readsTheLikeliestSymbolOfEachSlot() {
        List<Alternative> readings = decode("京", "A", "1", "2", "3", "4", "5");
        assertEquals("京A12345", readings.get(0).text());
    }

    @Test
    void aDigitCannotBeTheIssuingOfficeSoTheBestLetterWins() {
        List<double[]> slots = slots("粤", "B", "1", "2", "3", "4", "5");
        slots.set(1, mix(CharSet.SERIAL, '8', 0.7, 'B', 0.3));
        List<Alternative> readings = decoder.decode(sets(7), slots, 5);
        assertEquals("粤B12345", readings.get(0).text());
    }

    @Test
    void aSuffixCharacterIsOnlyAcceptedInTheLastSlot() {
        List<double[]> slots = slots("皖", "A", "3", "9", "9", "7", "学");
        slots.set(3, mix(CharSet.SERIAL, '学', 0.6, '9', 0.4));
        assertEquals("皖A3997学", decoder.decode(sets(7), slots, 5).get(0).text());
    }

    @Test
    void everyAlternativeObeysTheGrammarAndTheyComeBestFirst() {
        List<double[]> slots = slots("沪", "C", "D", "1", "2", "3", "4");
        slots.set(6, mix(CharSet.SERIAL, '4', 0.5, 'A', 0.3));
        List<Alternative> readings = decoder.decode(sets(7), slots, 5);
        assertTrue(readings.size() > 1);
        for (int i = 0; i < readings.size(); i++) {
            assertTrue(PlateNumber.isValid(readings.get(i).text()), readings.get(i).text());
            if (i > 0) assertTrue(readings.get(i - 1).score() >= readings.get(i).score());
        }
    }

    @Test
    void anEightCharacterReadingMustBeANewEnergyPlate() {
        List<Alternative> readings = decode("苏", "E", "D", "1", "2", "3", "4", "5");
        assertEquals("苏ED12345", readings.get(0).text());
        List<double[]> notNewEnergy = slots("苏", "E", "1", "1", "2", "3", "4", "5");
        assertTrue(decoder.decode(sets(8), notNewEnergy, 5).stream().allMatch(a -> PlateNumber.isValid(a.text())));
    }

    private List<Alternative> decode(String... symbols) {
        return decoder.decode(sets(symbols.length), slots(symbols), 5);
    }

    private static List<CharSet> sets(int length) {
        List<CharSet> sets = new ArrayList<>();
        sets.add(CharSet.PROVINCE);
        for (int i = 1; i < length; i++) sets.add(CharSet.SERIAL);
        return sets;
    }

    /** Each slot sure of its symbol (0.9), the rest spread evenly. */
    private static List<double[]> slots(String... symbols) {
        List<double[]> slots = new ArrayList<>();
        for (int i = 0; i < symbols.length; i++) {
            CharSet set = i == 0 ? CharSet.PROVINCE : CharSet.SERIAL;
            slots.add(mix(set, symbols[i].charAt(0), 0.9, symbols[i].charAt(0), 0));
        }
        return slots;
    }

    private static double[] mix(CharSet set, char first, double p1, char second, double p2) {
        double[] p = new double[set.size()];
        double rest = (1 - p1 - p2) / (set.size() - 2);
        java.util.Arrays.fill(p, rest);
        p[set.indexOf(first)] = p1;
        if (second != first) p[set.indexOf(second)] = p2;
        return p;
    }
}
