package com.platepay.parking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prices a stay by a {@link Tariff} in the lot's time zone. Pure: no clock, no database.
 *
 * <p>It walks the stay minute by minute of real time and looks at each minute's local time, so a day of 23 or
 * 25 hours (daylight saving) has as many minutes as it really had, and a period or night band is charged on the
 * local day it starts on. The daily cap then applies per local day.
 */
public final class TariffEngine {

    private TariffEngine() {
    }

    /** The price of a stay from {@code entry} to {@code exit}. */
    public static long price(Tariff tariff, ZoneId zone, Instant entry, Instant exit) {
        if (!exit.isAfter(entry)) {
            return 0;
        }
        // Every started minute counts: a stay of one second is one minute (and the first period, when there are no free minutes).
        long minutes = (Duration.between(entry, exit).toMillis() + 59_999) / 60_000;
        if (minutes <= tariff.freeMinutes()) {
            return 0;
        }
        TreeMap<LocalDate, Long> perDay = new TreeMap<>();
        Set<LocalDate> nightsCharged = new HashSet<>();
        long leftInPeriod = 0;
        boolean firstPeriodUsed = tariff.firstPeriodMinutes() == 0;
        for (long m = 0; m < minutes; m++) {
            LocalDateTime local = LocalDateTime.ofInstant(entry.plusSeconds(60 * m), zone);
            LocalDate night = nightOf(tariff, local);
            if (night != null) {
                if (nightsCharged.add(night)) {
                    perDay.merge(night, tariff.nightPrice(), Long::sum);
                }
                leftInPeriod = 0;   // the night price covers the night; daytime starts a fresh period after it
                continue;
            }
            if (leftInPeriod == 0) {
                long price = firstPeriodUsed ? tariff.periodPrice() : tariff.firstPeriodPrice();
                leftInPeriod = firstPeriodUsed ? tariff.periodMinutes() : tariff.firstPeriodMinutes();
                firstPeriodUsed = true;
                perDay.merge(local.toLocalDate(), price, Long::sum);
            }
            leftInPeriod--;
        }
        return perDay.values().stream().mapToLong(day -> tariff.dailyCap() == null ? day : Math.min(day, tariff.dailyCap())).sum();
    }

    /**
     * What is still due when a driver who paid at {@code paidAt} (for the stay up to then) leaves at {@code exit}:
     * nothing within the grace period, else the price of the whole stay less what the paid part cost.
     */
    public static long dueAfterPayment(Tariff tariff, ZoneId zone, Instant entry, Instant paidAt, Instant exit) {
        if (!exit.isAfter(paidAt.plus(tariff.grace()))) {
            return 0;
        }
        return Math.max(0, price(tariff, zone, entry, exit) - price(tariff, zone, entry, paidAt));
    }

    /** The local date the night band containing {@code local} started on, or null in daytime. */
    private static LocalDate nightOf(Tariff tariff, LocalDateTime local) {
        if (!tariff.hasNightBand()) {
            return null;
        }
        LocalTime start = tariff.nightStart();
        LocalTime end = tariff.nightEnd();
        LocalTime t = local.toLocalTime();
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end) ? local.toLocalDate() : null;
        }
        if (!t.isBefore(start)) {
            return local.toLocalDate();
        }
        return t.isBefore(end) ? local.toLocalDate().minusDays(1) : null;
    }
}
