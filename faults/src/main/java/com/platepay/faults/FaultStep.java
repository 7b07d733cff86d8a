package com.platepay.faults;

import java.util.function.BooleanSupplier;

/**
 * A fault at a point of the run, measured in charges done (0.5 = half of them): an instant one (a restart) runs
 * {@code start} once; a window also runs {@code end} at {@code until}.
 *
 * <p>A step may wait for a condition ({@code ready}): an instant step starts, or a window ends, only once it holds
 * (or the driver's wait limit passes). A short run moves fast between its points, so without it a SIGKILL meant to
 * catch the bank's late answers in flight could come before the bank had answered one late.
 */
record FaultStep(FaultKind kind, double at, double until, String label, Action start, Action end, BooleanSupplier ready) {
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    static FaultStep instant(FaultKind kind, double at, String label, Action action) {
        return new FaultStep(kind, at, at, label, action, null, () -> true);
    }

    static FaultStep window(FaultKind kind, double at, double until, String label, Action start, Action end) {
        return new FaultStep(kind, at, until, label, start, end, () -> true);
    }

    /** The same step, waiting for {@code condition} as described above. */
    FaultStep once(BooleanSupplier condition) {
        return new FaultStep(kind, at, until, label, start, end, condition);
    }

    boolean isWindow() {
        return end != null;
    }
}
