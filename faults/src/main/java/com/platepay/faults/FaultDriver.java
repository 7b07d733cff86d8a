package com.platepay.faults;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Injects the faults in turn while the load runs, by progress (charges done), so a short and a long run see
 * the same sequence: a server SIGKILL, duplicate delivery (spanning a broker and a PostgreSQL restart), bank
 * timeouts and failures with reversals failing for part of that time, a second SIGKILL while the bank misbehaves,
 * and at the end copies of charges whose id is spelled in upper case.
 */
final class FaultDriver implements Runnable {
    private final SuiteConfig config;
    private final Stack stack;
    private final Tally tally;
    private final FaultSwitches switches;
    private final BankFaultTicker bank;
    private final Timeline timeline;
    private final HandheldLog log;
    private final List<FaultStep> steps;
    private final Set<FaultStep> started = new HashSet<>();
    private final Set<FaultStep> ended = new HashSet<>();
    private static final long WAIT_LIMIT_NANOS = 20_000_000_000L;
    private final Map<FaultStep, Long> waitingSince = new HashMap<>();
    private volatile boolean loadDone;
    private volatile Exception failure;
    private final List<ReplicaKill> kills = new CopyOnWriteArrayList<>();

    FaultDriver(SuiteConfig config, Stack stack, Tally tally, FaultSwitches switches, BankFaultTicker bank, Timeline timeline,
                HandheldLog log) {
        this.config = config;
        this.log = log;
        this.stack = stack;
        this.tally = tally;
        this.switches = switches;
        this.bank = bank;
        this.timeline = timeline;
        this.steps = plan();
    }

    List<FaultStep> plan() {
        List<FaultStep> all = new ArrayList<>();
        // With vouchers, each kill waits for a voucher upload in flight (a handheld nudges the driver as it publishes one).
        java.util.function.BooleanSupplier uploading = () -> config.voucherShare() == 0 || log.vouchersInFlight() > 0;
        all.add(FaultStep.instant(FaultKind.SERVER_KILL, 0.08, "server SIGKILL + restart", this::killServer).once(uploading));
        all.add(FaultStep.window(FaultKind.DUPLICATES, 0.12, 0.45,
                "duplicate delivery (" + pct(config.duplicateRate()) + " of messages published twice)",
                () -> switches.duplicates(true), () -> switches.duplicates(false)));
        all.add(FaultStep.instant(FaultKind.BROKER_RESTART, 0.32, stack.externalBroker() ? "broker (Mosquitto) restart"
                : "broker restart: embedded broker, covered by the server restarts", this::restartBroker));
        all.add(FaultStep.instant(FaultKind.POSTGRES_RESTART, 0.40, "PostgreSQL restart", stack.postgres::restart));
        // The second kill is to catch the bank's late answers in flight: with bank faults on it waits for the first
        // one, and the bank's window stays open past the kill until both kinds of fault have really been injected.
        FaultStep killInBankFaults = FaultStep.instant(FaultKind.SERVER_KILL, 0.65, "server SIGKILL + restart"
                + (config.has(FaultKind.BANK_FAULTS) ? " (bank faults on)" : ""), this::killServer)
                .once(() -> (!config.has(FaultKind.BANK_FAULTS) || bank.injectedTimeouts > 0) && uploading.getAsBoolean());
        all.add(FaultStep.window(FaultKind.BANK_FAULTS, 0.50, 0.75, "bank: " + pct(config.bankTimeoutRate()) + " of debits time out, "
                + pct(config.bankFailureRate()) + " fail", () -> bank.debitFaults(true), () -> bank.debitFaults(false))
                .once(() -> bank.injectedTimeouts > 0 && bank.injectedFailures > 0
                        && (!config.has(FaultKind.SERVER_KILL) || started.contains(killInBankFaults))));
        all.add(FaultStep.window(FaultKind.REVERSAL_FAILURES, 0.55, 0.70, "bank: every reversal fails",
                () -> bank.reversalFaults(true), () -> bank.reversalFaults(false)));
        all.add(killInBankFaults);
        if (stack.replicas.size() > 1) {
            Stack.Replica last = stack.replicas.get(stack.replicas.size() - 1);
            all.add(FaultStep.instant(FaultKind.REPLICA_KILL, 0.50, "SIGKILL of " + last.name() + ", left dead", () -> killReplica(last)));
        }
        all.add(FaultStep.window(FaultKind.ID_SPELLING, 0.80, 0.95, "charge id spelling (" + pct(config.duplicateRate())
                        + " of charges also sent with the id in upper case)",
                () -> switches.otherSpelling(true), () -> switches.otherSpelling(false)));
        return all.stream().filter(s -> config.has(s.kind())).toList();
    }

    @Override
    public void run() {
        long lastTick = 0;
        long lastStarted = 0;
        double rate = 0;
        try {
            while (!loadDone) {
                double progress = (double) tally.done() / config.charges();
                for (FaultStep s : steps) {
                    if (!started.contains(s) && progress >= s.at() && (s.isWindow() || ready(s))) {
                        begin(s);
                    }
                    if (s.isWindow() && started.contains(s) && !ended.contains(s) && progress >= s.until() && ready(s)) {
                        finish(s);
                    }
                }
                long now = System.nanoTime();
                if (now - lastTick >= 1_000_000_000L) {
                    long startedNow = tally.started.sum();
                    double perSecond = (startedNow - lastStarted) / ((now - lastTick) / 1e9);
                    rate = lastTick == 0 ? perSecond : 0.7 * rate + 0.3 * perSecond;
                    lastStarted = startedNow;
                    lastTick = now;
                    if (bank.active()) {
                        bank.tick(Math.max(rate, 1));
                    }
                }
                switches.awaitNudge(100);
            }
            for (FaultStep s : steps) {
                if (s.isWindow() && started.contains(s) && !ended.contains(s)) {
                    finish(s);
                }
            }
            bank.stop();
        } catch (Exception e) {
            failure = e;
            timeline.add("fault driver failed: " + e);
        }
    }

    /**
     * Whether a step that is due by progress may go: its condition holds, or it has waited {@link #WAIT_LIMIT_NANOS}
     * (a short run moves fast between its points; the wait is in seconds so that it does not depend on the pace).
     */
    private boolean ready(FaultStep s) {
        long now = System.nanoTime();
        long since = waitingSince.computeIfAbsent(s, k -> now);
        return s.ready().getAsBoolean() || now - since >= WAIT_LIMIT_NANOS;
    }

    private void begin(FaultStep s) throws Exception {
        started.add(s);
        switches.current(s.label());
        timeline.add((s.isWindow() ? "start: " : "") + s.label() + " at " + tally.done() + " charges done");
        s.start().run();
        if (!s.isWindow()) {
            timeline.add("done: " + s.label() + " at " + tally.done() + " charges done");
            switches.current(openWindows());
        }
    }

    private void finish(FaultStep s) throws Exception {
        ended.add(s);
        s.end().run();
        timeline.add("end: " + s.label() + " at " + tally.done() + " charges done");
        switches.current(openWindows());
    }

    private String openWindows() {
        List<String> open = steps.stream().filter(s -> s.isWindow() && started.contains(s) && !ended.contains(s))
                .map(FaultStep::label).toList();
        return open.isEmpty() ? "none" : String.join("; ", open);
    }

    private void killServer() throws IOException {
        int uploads = log.markUploadsAcrossKill();
        stack.server.kill();
        timeline.add("server killed (SIGKILL)" + (config.voucherShare() > 0 ? " with " + uploads + " voucher upload(s) unanswered" : "")
                + "; starting it again");
        stack.server.start(ServerNode.RESTART_TIMEOUT);
    }

    /** Kills a replica for good, after reading how many charges it had answered (its metrics die with it). */
    private void killReplica(Stack.Replica replica) {
        long answered;
        try {
            answered = ReplicaMetrics.chargesAnswered(replica.httpPort());
        } catch (IOException e) {
            answered = -1;
        }
        replica.node().kill();
        kills.add(new ReplicaKill(replica.name(), answered, tally.done(), tally.resends.sum(), tally.inProgress.sum()));
        timeline.add(replica.name() + " killed (SIGKILL) after answering " + answered + " charges; the others carry on");
    }

    /** A replica killed for good: what it had answered, and how far the load was then (charges done, resends, IN_PROGRESS answers). */
    record ReplicaKill(String replica, long answered, long doneAtKill, long resendsAtKill, long inProgressAtKill) {
    }

    List<ReplicaKill> replicaKills() {
        return List.copyOf(kills);
    }

    private void restartBroker() throws IOException {
        if (stack.externalBroker()) {
            stack.mosquitto.restart();
        }
    }

    void loadDone() {
        loadDone = true;
    }

    Exception failure() {
        return failure;
    }

    static String pct(double rate) {
        return String.format("%.0f %%", rate * 100);
    }
}
