package com.platepay.iso8583;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StanSequenceTest {

    @Test
    void numbersNeverRepeatAcrossRestartsHoweverTheProcessEnded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stan");
        Set<String> seen = new HashSet<>();
        for (int run = 0; run < 3; run++) {
            StanSequence stans = StanSequence.open(file);   // no close: a crash leaves only what was reserved
            int previous = 0;
            for (int i = 0; i < 1_500; i++) {
                String stan = stans.next();
                assertTrue(stan.matches("\\d{6}"), stan);
                assertTrue(Integer.parseInt(stan) > previous, "increasing within a run");
                previous = Integer.parseInt(stan);
                assertTrue(seen.add(stan), "unique across restarts: " + stan);
            }
        }
    }

    @Test
    void afterTheLastNumberItStartsAgainAtOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stan");
        Files.writeString(file, "999998");
        StanSequence stans = StanSequence.open(file);
        assertEquals("999999", stans.next());
        assertEquals("000001", stans.next());
        assertEquals("000002", stans.next());
    }
}
