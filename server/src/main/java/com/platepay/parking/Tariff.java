package com.platepay.parking;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A lot's prices, in minor units of the lot's currency. A stay no longer than {@code freeMinutes} costs nothing;
 * otherwise the first {@code firstPeriodMinutes} of daytime cost {@code firstPeriodPrice} and every started
 * {@code periodMinutes} after that {@code periodPrice}. Each night band touched (local {@code nightStart} to
 * {@code nightEnd}, may wrap midnight) costs {@code nightPrice} once instead. A local calendar day costs at most
 * {@code dailyCap} (null: no cap). After paying, a driver has {@code graceMinutes} to leave.
 */
public record Tariff(int freeMinutes, int firstPeriodMinutes, long firstPeriodPrice, int periodMinutes, long periodPrice,
                     Long dailyCap, LocalTime nightStart, LocalTime nightEnd, Long nightPrice, int graceMinutes) {

    public Tariff {
        if (periodMinutes <= 0 || freeMinutes < 0 || firstPeriodMinutes < 0 || firstPeriodPrice < 0 || periodPrice < 0
                || graceMinutes < 0 || (dailyCap != null && dailyCap <= 0)) {
            throw new IllegalArgumentException("a tariff needs a period > 0, no negative prices or minutes, and a cap > 0 if any");
        }
        if ((nightStart == null) != (nightEnd == null) || (nightStart == null) != (nightPrice == null)
                || (nightStart != null && (nightStart.equals(nightEnd) || nightPrice < 0))) {
            throw new IllegalArgumentException("a night band needs a start, a different end and a price");
        }
    }

    public boolean hasNightBand() {
        return nightStart != null;
    }

    public Duration grace() {
        return Duration.ofMinutes(graceMinutes);
    }
}
