package com.platepay.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Accepts a message whose {@code sentAt} lies in {@code [now - maxAge, now + maxFutureSkew]} (both ends included).
 * Outside it the message is REPLAYED. Within the window, duplicates are caught by the message id / charge id in the
 * database, not here.
 */
public final class ReplayWindow {
    private final Duration maxAge;
    private final Duration maxFutureSkew;
    private final Clock clock;

    public ReplayWindow(Duration maxAge, Duration maxFutureSkew, Clock clock) {
        if (maxAge == null || maxAge.isNegative() || maxFutureSkew == null || maxFutureSkew.isNegative() || clock == null) {
            throw new IllegalArgumentException("maxAge and maxFutureSkew must be >= 0 and a clock is needed");
        }
        this.maxAge = maxAge;
        this.maxFutureSkew = maxFutureSkew;
        this.clock = clock;
    }

    public boolean accepts(Instant sentAt) {
        if (sentAt == null) {
            return false;
        }
        Instant now = clock.instant();
        return !sentAt.isBefore(now.minus(maxAge)) && !sentAt.isAfter(now.plus(maxFutureSkew));
    }

    public Duration maxAge() {
        return maxAge;
    }

    public Duration maxFutureSkew() {
        return maxFutureSkew;
    }
}
