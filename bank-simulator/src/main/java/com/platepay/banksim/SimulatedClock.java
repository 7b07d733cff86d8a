package com.platepay.banksim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The bank's clock: the system's, shifted by an offset a test may set ({@code PUT /v1/clock}), so a test can make
 * the bank book a day that is already over (a settlement day to close) without waiting for midnight. Offset zero
 * by default; it only dates what the bank records from then on.
 */
public final class SimulatedClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public Duration offset() {
        return offset;
    }

    public void offset(Duration offset) {
        this.offset = offset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
