package com.platepay.banksim.faults;

/** A rule that applies to the next {@code count} matching requests. */
public record FaultRule(FaultTarget on, FaultMode mode, int count, long delayMs) {
    public static final long DEFAULT_DELAY_MS = 5_000;

    FaultRule used() {
        return new FaultRule(on, mode, count - 1, delayMs);
    }
}
