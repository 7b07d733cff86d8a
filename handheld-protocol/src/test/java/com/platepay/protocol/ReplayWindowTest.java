package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final ReplayWindow window = new ReplayWindow(Duration.ofMinutes(5), Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void edgesAreIncluded() {
        assertTrue(window.accepts(NOW));
        assertTrue(window.accepts(NOW.minus(Duration.ofMinutes(5))));
        assertTrue(window.accepts(NOW.plusSeconds(30)));
    }

    @Test
    void outsideIsRefused() {
        assertFalse(window.accepts(NOW.minus(Duration.ofMinutes(5)).minusMillis(1)));
        assertFalse(window.accepts(NOW.plusSeconds(30).plusMillis(1)));
        assertFalse(window.accepts(Instant.EPOCH));
        assertFalse(window.accepts(null));
    }

    @Test
    void refusesNegativeDurations() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(Duration.ofSeconds(-1), Duration.ZERO, Clock.systemUTC()));
    }
}
