package com.platepay.faults;

import java.util.ArrayList;
import java.util.List;

/** What happened when, in seconds since the load started: printed with the verdicts. */
final class Timeline {
    record Event(double seconds, String text) {
    }

    private final long start = System.nanoTime();
    private final List<Event> events = new ArrayList<>();

    synchronized void add(String text) {
        events.add(new Event((System.nanoTime() - start) / 1e9, text));
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
