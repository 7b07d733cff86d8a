package com.platepay.faults;

/** Faults the handhelds themselves take part in, switched by the fault driver. */
final class FaultSwitches {
    private volatile boolean duplicates;
    private volatile boolean otherSpelling;
    private volatile String current = "none";

    boolean duplicates() {
        return duplicates;
    }

    void duplicates(boolean on) {
        duplicates = on;
    }

    boolean otherSpelling() {
        return otherSpelling;
    }

    void otherSpelling(boolean on) {
        otherSpelling = on;
    }

    String current() {
        return current;
    }

    void current(String what) {
        current = what;
    }
}
