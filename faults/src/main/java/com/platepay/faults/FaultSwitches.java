package com.platepay.faults;

/** Faults the handhelds themselves take part in, switched by the fault driver. */
final class FaultSwitches {
    private volatile boolean duplicates;
    private volatile boolean otherSpelling;
    private volatile String current = "none";
    private final java.util.concurrent.Semaphore nudges = new java.util.concurrent.Semaphore(0);

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

    /** A handheld has just published a voucher upload: the fault driver looks at once (a kill may be waiting for one). */
    void nudge() {
        nudges.release();
    }

    /** The fault driver's pause between looks: {@code millis}, or less when a handheld nudges. */
    void awaitNudge(long millis) {
        try {
            nudges.tryAcquire(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            nudges.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Sleep.SuiteAborted("interrupted");
        }
    }
}
