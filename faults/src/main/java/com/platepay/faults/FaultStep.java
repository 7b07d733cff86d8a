package com.platepay.faults;

/**
 * A fault at a point of the run, measured in charges done (0.5 = half of them): an instant one (a restart) runs
 * {@code start} once; a window also runs {@code end} at {@code until}.
 */
record FaultStep(FaultKind kind, double at, double until, String label, Action start, Action end) {

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    static FaultStep instant(FaultKind kind, double at, String label, Action action) {
        return new FaultStep(kind, at, at, label, action, null);
    }

    static FaultStep window(FaultKind kind, double at, double until, String label, Action start, Action end) {
        return new FaultStep(kind, at, until, label, start, end);
    }

    boolean isWindow() {
        return end != null;
    }
}
