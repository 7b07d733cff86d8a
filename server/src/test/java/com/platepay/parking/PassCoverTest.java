package com.platepay.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a stay costs when passes cover part of it: the demo tariff in Harbin, passes as local days. */
class PassCoverTest {

    static final ZoneId HARBIN = ZoneId.of("Asia/Harbin");
    /** The first hour 5.00, then 3.00 an hour, at most 50.00 a day, 15 minutes' grace. */
    static final Tariff DEMO = new Tariff(0, 60, 500, 60, 300, 5000L, null, null, null, 15);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no pass: the whole stay                              | 2026-03-10T08:00 | 2026-03-10T10:30 |                                   | 1100
            a pass over the stay                                 | 2026-03-10T08:00 | 2026-03-10T10:30 | 2026-03-01..2026-03-31            | 0
            a pass of other days                                 | 2026-03-10T08:00 | 2026-03-10T10:30 | 2026-04-01..2026-04-30            | 1100
            in the evening before the pass: that evening's hour  | 2026-03-31T23:30 | 2026-04-01T10:00 | 2026-04-01..2026-04-30            | 500
            past the pass's last day: the hours after midnight   | 2026-03-31T20:00 | 2026-04-01T01:30 | 2026-03-01..2026-03-31            | 600
            two passes back to back                              | 2026-03-31T20:00 | 2026-04-01T09:00 | 2026-03-01..2026-03-31,2026-04-01..2026-04-30 | 0
            a pass for one day in a three-day stay               | 2026-03-09T12:00 | 2026-03-11T12:00 | 2026-03-10..2026-03-10            | 7400
            """)
    void aStayPaysWhatNoPassCovers(String name, String entry, String exit, String passes, long due) {
        assertEquals(due, PassCover.due(DEMO, HARBIN, at(entry), at(exit), covers(passes)), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            within the grace period                              | 2026-03-10T10:00 | 2026-03-10T10:10 |                        | 0
            an overstay, no pass                                 | 2026-03-10T10:00 | 2026-03-10T11:30 |                        | 600
            an overstay the pass covers                          | 2026-03-10T10:00 | 2026-03-10T11:30 | 2026-03-01..2026-03-31 | 0
            """)
    void afterPayingOnlyWhatTheOverstayAddsIsDue(String name, String paidAt, String exit, String passes, long due) {
        Instant entry = at("2026-03-10T08:00");
        assertEquals(due, PassCover.dueAfterPayment(DEMO, HARBIN, entry, at(paidAt), at(exit), covers(passes)), name);
    }

    @ParameterizedTest(name = "{0} covered: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-31T23:59 | false
            2026-04-01T00:00 | true
            2026-04-30T23:59 | true
            2026-05-01T00:00 | false
            """)
    void aPassCoversItsLocalDaysBothIncluded(String when, boolean covered) {
        assertEquals(covered, PassCover.covers(covers("2026-04-01..2026-04-30"), at(when)));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(HARBIN).toInstant();
    }

    private static List<PassCover.Cover> covers(String passes) {
        List<PassCover.Cover> covers = new ArrayList<>();
        if (passes == null) {
            return covers;
        }
        for (String range : passes.split(",")) {
            String[] days = range.strip().split("\\.\\.");
            ParkingPass p = new ParkingPass();
            p.validFrom = LocalDate.parse(days[0]);
            p.validTo = LocalDate.parse(days[1]);
            covers.add(p.cover(HARBIN));
        }
        return covers;
    }
}
