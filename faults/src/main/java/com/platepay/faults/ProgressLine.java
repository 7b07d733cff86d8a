package com.platepay.faults;

import java.io.PrintStream;
import java.util.Map;

/** One line every few seconds: how far the load is, what the handhelds heard, and the fault in force. */
final class ProgressLine {
    private final PrintStream out;
    private final Tally tally;
    private final FaultSwitches switches;
    private final Timeline timeline;
    private final int charges;

    ProgressLine(PrintStream out, Tally tally, FaultSwitches switches, Timeline timeline, int charges) {
        this.out = out;
        this.tally = tally;
        this.switches = switches;
        this.timeline = timeline;
        this.charges = charges;
    }

    void print() {
        Map<String, Long> s = tally.byStatus();
        String vouchers = tally.vouchersIssued.sum() + tally.offlineRefused.sum() == 0 ? ""
                : String.format(" | vouchers %d (uploads %d)", tally.vouchersIssued.sum(), tally.voucherUploads.sum());
        out.printf("[%4.0f s] sent %d/%d, answered %d (APPROVED %d, DECLINED %d, REJECTED %d), gave up %d | resends %d, copies %d, "
                        + "IN_PROGRESS %d%s | fault: %s%n",
                timeline.elapsed(), tally.started.sum(), charges, tally.ended.sum(), s.getOrDefault("APPROVED", 0L),
                s.getOrDefault("DECLINED", 0L), s.getOrDefault("REJECTED", 0L), tally.gaveUp.sum(), tally.resends.sum(),
                tally.copies.sum(), tally.inProgress.sum(), vouchers, switches.current());
        out.flush();
    }
}
