package com.platepay.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlateMatcherTest {

    record Open(String plate, String colour) {
    }

    private static PlateMatcher.Found<Open> match(String plate, List<String> candidates, Open... open) {
        Map<String, List<Open>> byPlate = List.of(open).stream().collect(Collectors.groupingBy(Open::plate));
        return PlateMatcher.match(plate, candidates, byPlate, o -> o.colour().equals("BLUE"));
    }

    @Test
    void theExactPlateAndColourComeFirst() {
        var found = match("黑E12345", List.of("黑E12346"), new Open("黑E12345", "BLUE"), new Open("黑E12346", "BLUE"));
        assertEquals(PlateMatcher.Match.EXACT, found.match());
        assertEquals("黑E12345", found.session().plate());
    }

    @Test
    void thenTheReadersCandidates() {
        var found = match("黑E12845", List.of("黑E12345"), new Open("黑E12345", "BLUE"));
        assertEquals(PlateMatcher.Match.CANDIDATE, found.match());
    }

    @Test
    void theSameTextInAnotherColourIsNeverExact() {
        var found = match("黑E12345", List.of(), new Open("黑E12345", "YELLOW"));
        assertEquals(PlateMatcher.Match.CANDIDATE, found.match());
    }

    @Test
    void thenOneLookAlikeSwap() {
        for (String[] pair : new String[][] {{"黑E1234S", "黑E12345"}, {"黑E8D345", "黑E80345"}, {"黑EZ2345", "黑E22345"},
                {"黑E1B345", "黑E18345"}, {"黑G12345", "黑612345"}}) {
            var found = match(pair[0], List.of(), new Open(pair[1], "BLUE"));
            assertEquals(PlateMatcher.Match.LOOKALIKE, found.match(), pair[0] + " -> " + pair[1]);
        }
    }

    @Test
    void twoSwapsAreNoMatch() {
        var found = match("黑E1234S", List.of(), new Open("黑E12B45", "BLUE"));
        assertFalse(found.matched());
        assertFalse(found.ambiguous());
        assertFalse(match("黑EZ234S", List.of(), new Open("黑E22345", "BLUE")).matched());
    }

    @Test
    void twoSessionsAtOneStepAreAmbiguousAndJoinNone() {
        var found = match("黑E8234B", List.of(), new Open("黑EB234B", "BLUE"), new Open("黑E82348", "BLUE"));
        assertFalse(found.matched());
        assertTrue(found.ambiguous());
    }

    @Test
    void keysCoverEveryStep() {
        var keys = PlateMatcher.keys("黑E12345", List.of("黑E12346"));
        assertTrue(keys.containsAll(List.of("黑E12345", "黑E12346", "黑EI2345", "黑E1Z345", "黑E1234S")));
    }
}
