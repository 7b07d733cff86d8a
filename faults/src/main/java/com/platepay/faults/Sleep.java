package com.platepay.faults;

/** Sleeping that keeps the interrupt flag and lets the caller stop. */
final class Sleep {
    private Sleep() {
    }

    static void millis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteAborted("interrupted");
        }
    }

    /** Thrown when the suite is interrupted or its stack cannot go on. */
    static final class SuiteAborted extends RuntimeException {
        SuiteAborted(String message) {
            super(message);
        }
    }
}
