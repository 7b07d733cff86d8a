package com.platepay.edge.lane;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A barrier that only reports: for the demo and the tests. {@link #openings} counts how often it opened. */
public final class SimulatedBarrier implements Barrier {

    private final Consumer<String> out;
    private final AtomicInteger openings = new AtomicInteger();
    private volatile State state = State.CLOSED;
    private volatile String screen = "";

    public SimulatedBarrier(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void open() {
        state = State.OPEN;
        openings.incrementAndGet();
        out.accept("barrier OPEN");
    }

    @Override
    public void display(String text) {
        screen = text;
        out.accept("screen: " + text);
    }

    @Override
    public State state() {
        return state;
    }

    public int openings() {
        return openings.get();
    }

    public String screen() {
        return screen;
    }
}
