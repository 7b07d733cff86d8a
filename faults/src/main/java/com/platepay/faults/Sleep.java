package com.platepay.faults;

/** Sleeping that keeps the interrupt flag and lets the caller stop. */
public final class Sleep {
    private Sleep() {
    }

    public static void millis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteAborted("interrupted");
        }
    }

    /** Thrown when the suite is interrupted or its stack cannot go on. */
    public static final class SuiteAborted extends RuntimeException {
        public SuiteAborted(String message) {
            super(message);
        }
    }
}
