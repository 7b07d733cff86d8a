package com.platepay.faults;

import java.io.PrintStream;

/** The verdict table and the figures of the run. */
final class Report {
    private Report() {
    }

    static void print(FaultSuite.Outcome o, SuiteConfig config, PrintStream out) {
        Tally t = o.tally();
        out.println();
        out.println("== Fault timeline ==");
        for (Timeline.Event e : o.timeline().events()) {
            out.printf("  %6.1f s  %s%n", e.seconds(), e.text());
        }
        if (!o.externalBroker() && config.has(FaultKind.BROKER_RESTART)) {
            out.println("  (broker: the server's embedded HiveMQ; each server restart restarted the broker too)");
        }
        out.println();
        out.println("== Load ==");
        out.printf("  %d charges from %d handhelds in %.0f s (%.1f charges/s) on %d cores%n", t.started.sum(), config.handhelds(),
                o.loadSeconds(), t.ended.sum() / Math.max(o.loadSeconds(), 1), Runtime.getRuntime().availableProcessors());
        out.printf("  final answers: %s; gave up: %d%n", t.byReason(), t.gaveUp.sum());
        out.printf("  publishes %d (resends %d, duplicate copies %d, upper-case copies %d); IN_PROGRESS answers %d; "
                        + "results ignored (bad signature) %d%n", t.publishes.sum(), t.resends.sum(), t.copies.sum(),
                t.otherSpellings.sum(), t.inProgress.sum(), t.badSignatures.sum());
        if (!o.answeredByReplica().isEmpty()) {
            out.printf("  load split (charges each replica answered; a killed one until its kill, a live one since its last start): %s%n",
                    o.answeredByReplica());
        }
        for (FaultDriver.ReplicaKill k : o.replicaKills()) {
            out.printf("  after %s was killed: %d charges left, %d resends, %d IN_PROGRESS answers (charges it left in flight, "
                            + "until the janitor adopts them)%n", k.replica(), t.done() - k.doneAtKill(), t.resends.sum() - k.resendsAtKill(),
                    t.inProgress.sum() - k.inProgressAtKill());
        }
        BankFaultTicker b = o.bankFaults();
        out.printf("  acquirer: %s%n", config.acquirer().kind() == Acquirer.Kind.HTTP ? "the simulated HTTP bank"
                : "the jPOS host, over the server's ISO 8583 adapter");
        out.printf("  bank faults injected: %d timeouts, %d failures (of them %d on holds and completions), %d reversal failures%n",
                b.injectedTimeouts, b.injectedFailures, b.injectedHoldFaults, b.injectedReversalFailures);
        out.printf("  fills (cylinder-check, hold, charge completing it): %d checks placed a hold, %d charged without one%s%n",
                t.fillsHeld.sum(), t.fillsUnheld.sum(), config.fillShare() > 0 ? "" : " (no fills in this run)");
        if (config.voucherShare() > 0) {
            out.printf("  offline vouchers: %d issued in %d offline stretches, %d fills refused on the device%s; %d clock jumps; uploads %d "
                            + "(again after settling %d, copies %d, unanswered %d, PENDING answers %d, REJECTED answers %d)%n",
                    t.vouchersIssued.sum(), t.offlineStretches.sum(), t.offlineRefused.sum(),
                    t.offlineRefusals.isEmpty() ? "" : " (" + String.join("; ", t.offlineRefusals) + ")", t.clockJumps.sum(),
                    t.voucherUploads.sum(), t.voucherReuploads.sum(), t.voucherCopies.sum(), t.voucherNoAnswer.sum(),
                    t.voucherPending.sum(), t.voucherRejected.sum());
        } else {
            out.println("  offline vouchers: none in this run");
        }
        out.println();
        out.println("== Invariants ==");
        for (Verdict v : o.verdicts()) {
            out.printf("  %-4s  %s%n", v.holds() ? "PASS" : "FAIL", v.invariant());
            out.printf("        %s%n", v.figure());
            for (String e : v.examples()) {
                out.printf("        - %s%n", e);
            }
            for (String a : v.attention()) {
                out.printf("        ! %s%n", a);
            }
        }
        out.println();
        out.println(o.allHold() ? "VERDICT: every invariant holds" : "VERDICT: INVARIANT BROKEN");
        out.flush();
    }
}
