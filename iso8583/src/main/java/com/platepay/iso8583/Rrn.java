package com.platepay.iso8583;

import java.time.ZonedDateTime;

/**
 * Retrieval reference numbers (field 37): YDDDhh + STAN, the layout most switches use. Unique as long as a
 * terminal sends fewer than a million messages an hour, because the STAN never repeats within that.
 */
public final class Rrn {
    private Rrn() {
    }

    public static String of(ZonedDateTime when, String stan) {
        return String.format("%d%03d%02d%s", when.getYear() % 10, when.getDayOfYear(), when.getHour(), stan);
    }
}
