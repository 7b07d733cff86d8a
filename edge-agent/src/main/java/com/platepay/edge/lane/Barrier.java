package com.platepay.edge.lane;

/** The lane's barrier and screen, whatever drives them. */
public interface Barrier extends AutoCloseable {

    enum State { CLOSED, OPEN }

    /** Opens; the barrier closes by itself once the car has passed (its own loop detector). */
    void open();

    /** Shows a line on the lane's screen. */
    void display(String text);

    State state();

    @Override
    default void close() {
    }
}
