package com.platepay.faults;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One bounded run: the stack, the fleet's handhelds sending the planned charges while the fault driver injects
 * the faults in turn, then the janitor's settling time, then the invariants. Returns the verdicts.
 */
final class FaultSuite {
    private static final long PROGRESS_EVERY_MS = 5_000;

    private final SuiteConfig config;
    private final PrintStream out;

    FaultSuite(SuiteConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** What a run produced, for the report and for tests. */
    record Outcome(List<Verdict> verdicts, Tally tally, Timeline timeline, BankFaultTicker bankFaults, double loadSeconds,
                   boolean externalBroker, Map<String, Long> answeredByReplica, List<FaultDriver.ReplicaKill> replicaKills,
                   Observations observations) {
        boolean allHold() {
            return verdicts.stream().allMatch(Verdict::holds);
        }
    }

    Outcome run() throws Exception {
        try (Stack stack = Stack.start(config, out)) {
            Tally tally = new Tally();
            HandheldLog log = new HandheldLog();
            FaultSwitches switches = new FaultSwitches();
            Timeline timeline = new Timeline();
            BankSide bankControl = stack.bank.control();
            BankFaultTicker bankFaults = new BankFaultTicker(bankControl, config.bankTimeoutRate(), config.bankFailureRate(), config.fillShare());
            AtomicBoolean stop = new AtomicBoolean();

            int handhelds = Math.min(config.handhelds(), stack.fleet.devices().size());
            var plan = LoadPlan.make(config.charges(), handhelds, stack.fleet.plates(), config.seed(), config.fillShare(), config.voucherShare());
            int offline = LoadPlan.offlineHandhelds(handhelds, config.voucherShare());
            List<Handheld> devices = new ArrayList<>();
            for (int i = 0; i < handhelds; i++) {
                Handheld h = new Handheld(stack.fleet.devices().get(i), plan.get(i), config, log, tally, switches, stop::get,
                        config.seed() * 31 + i, i < offline ? clockJump(i) : null);
                h.connect();
                devices.add(h);
            }
            awaitConnected(devices);
            if (offline > 0) {
                awaitAllowLists(devices);
                out.printf("%d of the handhelds go offline at times (about %.0f %% of the charges are vouchers); each holds its "
                        + "station's allow-list%n", offline, config.voucherShare() * 100);
            }
            out.printf("%d handhelds connected; sending %d charges over %d plates; faults: %s%n", handhelds, config.charges(),
                    stack.fleet.plates().size(), config.faults());

            FaultDriver driver = new FaultDriver(config, stack, tally, switches, bankFaults, timeline, log);
            Thread driverThread = new Thread(driver, "fault-driver");
            driverThread.start();
            List<Thread> threads = new ArrayList<>();
            for (Handheld h : devices) {
                Thread t = new Thread(h, "handheld-" + threads.size());
                t.start();
                threads.add(t);
            }
            ProgressLine progress = new ProgressLine(out, tally, switches, timeline, config.charges());
            long deadline = System.nanoTime() + config.loadBound().toNanos();
            for (Thread t : threads) {
                while (t.isAlive()) {
                    t.join(PROGRESS_EVERY_MS);
                    if (t.isAlive()) {
                        progress.print();
                    }
                    if (System.nanoTime() > deadline && !stop.get()) {
                        stop.set(true);
                        timeline.add("load bound of " + config.loadBound().toSeconds() + " s reached: handhelds stop");
                    }
                }
            }
            double loadSeconds = timeline.elapsed();
            progress.print();
            driver.loadDone();
            driverThread.join(TimeUnit.MINUTES.toMillis(5));
            timeline.add("load done: " + tally.done() + " charges ended or given up");
            devices.forEach(Handheld::close);
            if (driver.failure() != null) {
                throw new IllegalStateException("the fault driver failed", driver.failure());
            }

            DatabaseReader db = new DatabaseReader(stack.postgres);
            double settle = settle(db, timeline);
            List<BankDebit> debits = new ArrayList<>();
            List<BankHold> bankHolds = new ArrayList<>();
            for (String account : stack.fleet.bankAccounts()) {
                debits.addAll(bankControl.debits(account));
                bankHolds.addAll(bankControl.holds(account));
            }
            Observations o = new Observations(log.entries(), db.charges(), db.ledger(), debits, settle,
                    config.janitorBound().toSeconds(), db.holds(), bankHolds, log.vouchers(), db.vouchers());
            return new Outcome(InvariantChecker.check(o), tally, timeline, bankFaults, loadSeconds, stack.externalBroker(),
                    answeredByReplica(stack, driver), driver.replicaKills(), o);
        }
    }

    /**
     * The charges each replica answered: a killed one's count from just before its kill, a live one's since its last
     * start (SERVER_KILL restarts the first). With one replica there is nothing to split.
     */
    private static Map<String, Long> answeredByReplica(Stack stack, FaultDriver driver) {
        Map<String, Long> answered = new LinkedHashMap<>();
        if (stack.replicas.size() < 2) {
            return answered;
        }
        for (Stack.Replica r : stack.replicas) {
            var killed = driver.replicaKills().stream().filter(k -> k.replica().equals(r.name())).findFirst();
            long count;
            try {
                count = killed.isPresent() ? killed.get().answered() : ReplicaMetrics.chargesAnswered(r.httpPort());
            } catch (java.io.IOException e) {
                count = -1;
            }
            answered.put(r.name(), count);
        }
        return answered;
    }

    /** Waits (bounded) until the janitors have ended every charge, hold and voucher in flight; returns the seconds waited. */
    private double settle(DatabaseReader db, Timeline timeline) throws Exception {
        long start = System.nanoTime();
        long deadline = start + config.janitorBound().toNanos();
        long left = db.unsettled();
        while (left > 0 && System.nanoTime() < deadline) {
            out.printf("waiting for the janitor: %d charge(s) RECEIVED/AUTHORIZING/UNKNOWN, hold(s) not ended or voucher(s) RECEIVED%n", left);
            Sleep.millis(PROGRESS_EVERY_MS);
            left = db.unsettled();
        }
        double waited = (System.nanoTime() - start) / 1e9;
        timeline.add(String.format("janitor: %d charge(s), hold(s) or voucher(s) unsettled after %.0f s", left, waited));
        return waited;
    }

    /** Offline handhelds' device clocks jump halfway through their plans: back five hours, or forward one, in turn. */
    private static java.time.Duration clockJump(int handheld) {
        return handheld % 2 == 0 ? java.time.Duration.ofHours(-5) : java.time.Duration.ofHours(1);
    }

    /** The offline handhelds need their station's signed allow-list (retained on their command topic) before the load. */
    private void awaitAllowLists(List<Handheld> devices) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (devices.stream().anyMatch(h -> !h.readyOffline())) {
            if (System.nanoTime() > deadline) {
                throw new Sleep.SuiteAborted("an offline handheld had no allow-list with vehicles on it within 60 s");
            }
            Sleep.millis(200);
        }
    }

    private void awaitConnected(List<Handheld> devices) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (devices.stream().anyMatch(h -> !h.connected())) {
            if (System.nanoTime() > deadline) {
                throw new Sleep.SuiteAborted("not every handheld could connect to the broker within 60 s");
            }
            Sleep.millis(100);
        }
    }
}
