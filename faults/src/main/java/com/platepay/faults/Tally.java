package com.platepay.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live counters for the progress line and the summary. */
final class Tally {
    final LongAdder started = new LongAdder();
    final LongAdder ended = new LongAdder();
    final LongAdder gaveUp = new LongAdder();
    final LongAdder publishes = new LongAdder();
    final LongAdder resends = new LongAdder();
    final LongAdder copies = new LongAdder();
    final LongAdder otherSpellings = new LongAdder();
    final LongAdder inProgress = new LongAdder();
    final LongAdder badSignatures = new LongAdder();
    /** Fills whose cylinder-check placed a hold the charge then named, and fills charged plainly (no hold placed). */
    final LongAdder fillsHeld = new LongAdder();
    final LongAdder fillsUnheld = new LongAdder();
    private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();

    void ended(Answer a) {
        ended.increment();
        byStatus.computeIfAbsent(a.status(), k -> new LongAdder()).increment();
        byReason.computeIfAbsent(a.label(), k -> new LongAdder()).increment();
    }

    Map<String, Long> byStatus() {
        Map<String, Long> m = new TreeMap<>();
        byStatus.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    Map<String, Long> byReason() {
        Map<String, Long> m = new TreeMap<>();
        byReason.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    long done() {
        return ended.sum() + gaveUp.sum();
    }
}
