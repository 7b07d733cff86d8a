package com.platepay.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TariffEngineTest {

    private static final ZoneId HARBIN = ZoneId.of("Asia/Harbin");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** 15 free minutes; first hour 10.00, then 5.00 per started hour; at most 60.00 a day; no night band. */
    private static final Tariff DAY = new Tariff(15, 60, 1000, 60, 500, 6000L, null, null, null, 10);
    /** As DAY, but 22:00-07:00 costs 8.00 once per night. */
    private static final Tariff NIGHT = new Tariff(15, 60, 1000, 60, 500, 6000L, LocalTime.of(22, 0), LocalTime.of(7, 0), 800L, 10);
    /** The demo's: the first hour from the first minute. */
    private static final Tariff DEMO = new Tariff(0, 60, 500, 60, 300, 5000L, null, null, null, 15);

    static Stream<Arguments> stays() {
        return Stream.of(
                Arguments.of("no time at all", DAY, HARBIN, "2026-11-23T10:00", "2026-11-23T10:00", 0),
                Arguments.of("within the free minutes", DAY, HARBIN, "2026-11-23T10:00", "2026-11-23T10:15", 0),
                Arguments.of("one second past the free minutes", DAY, HARBIN, "2026-11-23T10:00", "2026-11-23T10:15:01", 1000),
                Arguments.of("the first hour exactly", DAY, HARBIN, "2026-11-23T10:00", "2026-11-23T11:00", 1000),
                Arguments.of("a minute into the second hour", DAY, HARBIN, "2026-11-23T10:00", "2026-11-23T11:01", 1500),
                Arguments.of("three and a half hours", DAY, HARBIN, "2026-11-23T10:00", "2026-11-23T13:30", 2500),
                Arguments.of("capped within the day", DAY, HARBIN, "2026-11-23T08:00", "2026-11-23T23:00", 6000),
                Arguments.of("across midnight inside one period", DAY, HARBIN, "2026-11-23T23:30", "2026-11-24T00:30", 1000),
                Arguments.of("across midnight: a period started on day one is day one's",
                        DAY, HARBIN, "2026-11-23T23:00", "2026-11-24T01:30", 2000),
                Arguments.of("the daily cap across three days", DAY, HARBIN, "2026-11-23T00:00", "2026-11-25T23:59", 18000),
                Arguments.of("cap on day one, two hours on day two", DAY, HARBIN, "2026-11-23T08:00", "2026-11-24T02:00", 7000),
                Arguments.of("the demo's first minute is the first hour", DEMO, HARBIN, "2026-11-23T10:00", "2026-11-23T10:01", 500),
                Arguments.of("even its first second", DEMO, HARBIN, "2026-11-23T10:00", "2026-11-23T10:00:00.400", 500),
                Arguments.of("a stay across the night band", NIGHT, HARBIN, "2026-11-23T21:00", "2026-11-24T08:00", 1000 + 800 + 500),
                Arguments.of("inside the night band only", NIGHT, HARBIN, "2026-11-23T23:00", "2026-11-24T06:00", 800),
                // Day 24 has 15 daytime hours and its own night: over the cap. The night of the 24th ends on the 25th.
                Arguments.of("two nights", NIGHT, HARBIN, "2026-11-23T21:00", "2026-11-25T07:00", 1000 + 800 + 6000),
                Arguments.of("an evening before the band, then the band", NIGHT, HARBIN, "2026-11-23T20:30", "2026-11-23T23:00",
                        1000 + 500 + 800),
                // Berlin: 2026-03-29 02:00 -> 03:00 (23-hour day), 2026-10-25 03:00 -> 02:00 (25-hour day).
                Arguments.of("spring forward: 01:30 to 03:30 is one real hour", DAY, BERLIN, "2026-03-29T01:30", "2026-03-29T03:30", 1000),
                Arguments.of("fall back: 01:30 to 03:30 is three real hours", DAY, BERLIN, "2026-10-25T01:30", "2026-10-25T03:30", 2000),
                Arguments.of("the 25-hour day is still capped once", DAY, BERLIN, "2026-10-25T00:00", "2026-10-25T23:59", 6000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stays")
    void pricesTheStay(String name, Tariff tariff, ZoneId zone, String entry, String exit, long expected) {
        assertEquals(expected, TariffEngine.price(tariff, zone, at(entry, zone), at(exit, zone)), name);
    }

    static Stream<Arguments> afterPayment() {
        return Stream.of(
                Arguments.of("leaves within the grace period", "2026-11-23T11:30", "2026-11-23T11:40", 0),
                Arguments.of("well within it", "2026-11-23T11:30", "2026-11-23T11:35", 0),
                Arguments.of("just after the grace period, same period", "2026-11-23T11:10", "2026-11-23T11:21", 0),
                Arguments.of("after the grace period, into a new period", "2026-11-23T11:55", "2026-11-23T12:30", 500),
                Arguments.of("much later", "2026-11-23T11:30", "2026-11-23T15:30", 2000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("afterPayment")
    void graceAfterPayment(String name, String paid, String exit, long expected) {
        Instant entry = at("2026-11-23T10:00", HARBIN);
        assertEquals(expected, TariffEngine.dueAfterPayment(DAY, HARBIN, entry, at(paid, HARBIN), at(exit, HARBIN)), name);
    }

    @Test
    void theLotsTimeZoneDecidesWhereItsDaysEnd() {
        Instant entry = Instant.parse("2026-11-23T15:00:00Z");
        Instant exit = Instant.parse("2026-11-24T07:00:00Z");
        // UTC: 9 h on the 23rd (1000 + 8 x 500), 7 h on the 24th. Harbin (UTC+8): 1 h on the 23rd, 15 h (capped) on the 24th.
        assertEquals(5000 + 3500, TariffEngine.price(DAY, ZoneId.of("UTC"), entry, exit));
        assertEquals(1000 + 6000, TariffEngine.price(DAY, HARBIN, entry, exit));
    }

    @Test
    void refusesATariffThatCannotBeApplied() {
        assertThrows(IllegalArgumentException.class, () -> new Tariff(0, 60, 100, 0, 100, null, null, null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tariff(0, 60, 100, 60, 100, null, LocalTime.of(22, 0), null, 100L, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tariff(0, 60, -1, 60, 100, null, null, null, null, 0));
    }

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
