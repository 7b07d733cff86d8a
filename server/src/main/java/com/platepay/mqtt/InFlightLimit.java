package com.platepay.mqtt;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts device messages taken on and not yet answered. An acknowledgement asked for while the count is over the
 * limit waits until answers bring it back under: the broker, which sends at most receive-maximum unacknowledged
 * messages, then holds the rest, and devices see slower answers instead of a server drowning in work.
 */
final class InFlightLimit {

    private final int limit;
    private final AtomicInteger current = new AtomicInteger();
    private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    InFlightLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("platepay.mqtt.max-in-flight must be at least 1");
        }
        this.limit = limit;
    }

    void enter() {
        current.incrementAndGet();
    }

    void leave() {
        current.decrementAndGet();
        release();
    }

    int current() {
        return current.get();
    }

    /** Runs the acknowledgement now if the count is within the limit, else once it is. */
    void whenBelowLimit(Runnable acknowledgement) {
        waiting.add(acknowledgement);
        release();
    }

    private void release() {
        while (current.get() <= limit) {
            Runnable next = waiting.poll();
            if (next == null) {
                return;
            }
            next.run();
        }
    }
}
