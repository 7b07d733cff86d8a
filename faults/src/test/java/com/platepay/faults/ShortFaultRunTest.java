package com.platepay.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The short fault runs of {@code ./mvnw verify}: the packaged server, the acquirer and an embedded PostgreSQL as
 * processes, 20 handhelds and a few hundred charges, then every invariant checked. The embedded broker dies with
 * the server, so every handheld loses its connection at each kill.
 *
 * <p>Cards are shared as in the full run (two plates on one card, one card in two accounts), so the caps per card
 * and per driver are checked too.
 */
class ShortFaultRunTest {

    static final int REPLICA_RUN_CHARGES = 2_000;

    /**
     * On the HTTP bank: two SIGKILLs, messages delivered twice, and copies with the charge id spelt in upper case;
     * about a third of the charges are fills (cylinder-check, hold, the charge completing it), and a tenth are filled
     * offline: signed vouchers uploaded on reconnecting, some twice, some across a kill, some after a clock jump.
     */
    @Test
    @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
    void everyInvariantHoldsThroughKillsAndDuplicateDelivery() throws Exception {
        Acquirer bank = new Acquirer(Acquirer.Kind.HTTP, Path.of(System.getProperty("bank-simulator.jar", "../bank-simulator/target/bank-simulator.jar")));
        Run run = run("short-fault-run", bank, BrokerMode.EMBEDDED, 1, EnumSet.of(FaultKind.SERVER_KILL, FaultKind.DUPLICATES, FaultKind.ID_SPELLING),
                0.05, 0.02, 0.1);

        assertEquals(2, run.kills(), run.report());
        assertTrue(run.outcome().tally().copies.sum() > 0, "no message was delivered twice\n" + run.report());
        // A share of the charges are fills: their checks place holds, which the kills catch in flight too.
        assertTrue(run.outcome().tally().fillsHeld.sum() > 0, "no fill placed a hold\n" + run.report());
        // Vouchers were issued, and among them some were uploaded again after settling, some had an upload unanswered
        // when the server was killed, and some were issued after their device clock jumped.
        List<HandheldLog.VoucherEntry> vouchers = run.outcome().observations().vouchers();
        assertTrue(vouchers.size() >= 10, "only " + vouchers.size() + " vouchers\n" + run.report());
        assertTrue(vouchers.stream().anyMatch(HandheldLog.VoucherEntry::uploadedAgain), "no voucher uploaded twice\n" + run.report());
        assertTrue(vouchers.stream().anyMatch(HandheldLog.VoucherEntry::acrossKill), "no voucher uploaded across a kill\n" + run.report());
        assertTrue(vouchers.stream().anyMatch(HandheldLog.VoucherEntry::clockJumped), "no voucher after a clock jump\n" + run.report());
        assertEquals(vouchers.size(), run.outcome().observations().serverVouchers().size(), run.report());
        run.assertAllEndedAndHold(300);
    }

    /**
     * On the jPOS host over the ISO 8583 adapter: a SIGKILL while the host answers late (money taken, the 0210
     * after the server gave up), lets purchases arrive after their reversal, answers 96, and drops the link with
     * purchases in flight. The host's purchases are matched to charges by RRN through the adapter's log.
     */
    @Test
    @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
    void everyInvariantHoldsOnTheIso8583HostThroughKillsAndHostFaults() throws Exception {
        Acquirer host = new Acquirer(Acquirer.Kind.ISO8583, Path.of(System.getProperty("acquirer-host.jar", "../acquirer-host/target/acquirer-host.jar")));
        Run run = run("short-fault-run-iso8583", host, EnumSet.of(FaultKind.SERVER_KILL, FaultKind.BANK_FAULTS, FaultKind.DUPLICATES), 0.3, 0.3);

        assertEquals(2, run.kills(), run.report());
        assertTrue(run.outcome().bankFaults().injectedTimeouts > 0, "the host never answered late\n" + run.report());
        assertTrue(run.outcome().bankFaults().injectedFailures > 0, "the host never failed\n" + run.report());
        assertTrue(run.outcome().tally().fillsHeld.sum() > 0, "no fill placed a hold\n" + run.report());
        assertTrue(run.outcome().observations().bankHolds().stream().anyMatch(h -> "COMPLETED".equals(h.status())),
                "no hold completed at the host\n" + run.report());
        run.assertAllEndedAndHold(300);
    }

    /**
     * Two replicas of the server on one PostgreSQL and one Mosquitto, sharing the device load through the shared
     * subscription; halfway through, the second is killed with SIGKILL and left dead, and the first finishes the work
     * (the janitor on it settles what the dead one left in flight).
     */
    @Test
    @Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
    void twoReplicasShareTheLoadAndOneFinishesWhenTheOtherIsKilled() throws Exception {
        assumeTrue(MosquittoNode.installed(), "needs Debian's mosquitto at " + MosquittoNode.BINARY + " (apt-get install mosquitto)");
        Acquirer bank = new Acquirer(Acquirer.Kind.HTTP, Path.of(System.getProperty("bank-simulator.jar", "../bank-simulator/target/bank-simulator.jar")));
        // Thousands of charges (issue #15), over as many plates per charge as the other runs.
        Run run = run("short-fault-run-replicas", REPLICA_RUN_CHARGES, REPLICA_RUN_CHARGES / 8, bank, BrokerMode.MOSQUITTO, 2,
                EnumSet.of(FaultKind.REPLICA_KILL, FaultKind.DUPLICATES), 0.05, 0.02, 0);

        assertEquals(1, run.outcome().timeline().events().stream().filter(e -> e.text().startsWith("replica 2 killed")).count(), run.report());
        Map<String, Long> split = run.outcome().answeredByReplica();
        assertTrue(split.get("replica 1") > 0 && split.get("replica 2") > 0, "the load was not split: " + split + "\n" + run.report());
        // The survivor takes every request after the kill: the dead replica's broker session must not keep its share
        // (brokers deliver a shared subscription's messages to offline persistent sessions), or every charge after the
        // kill needs a resend or more, half of the copies going to a session nobody reads. Resends answered
        // IN_PROGRESS are expected: they ask after the charges the dead replica left in flight, until the janitor
        // adopts them.
        FaultDriver.ReplicaKill kill = run.outcome().replicaKills().get(0);
        long left = REPLICA_RUN_CHARGES - kill.doneAtKill();
        long resends = run.outcome().tally().resends.sum() - kill.resendsAtKill();
        long inProgress = run.outcome().tally().inProgress.sum() - kill.inProgressAtKill();
        assertTrue(resends - inProgress < left / 2, (resends - inProgress) + " resends heard nothing for the " + left
                + " charges after the kill\n" + run.report());
        run.assertAllEndedAndHold(REPLICA_RUN_CHARGES);
    }

    private record Run(FaultSuite.Outcome outcome, String report) {
        long kills() {
            return outcome.timeline().events().stream().filter(e -> e.text().startsWith("server killed")).count();
        }

        void assertAllEndedAndHold(int charges) {
            Tally t = outcome.tally();
            assertEquals(charges, t.ended.sum() + t.vouchersIssued.sum() + t.offlineRefused.sum(), report);
            outcome.verdicts().forEach(v -> assertTrue(v.holds(), v.invariant() + " broke: " + v.figure() + "\n" + report));
        }
    }

    private static Run run(String dir, Acquirer acquirer, Set<FaultKind> faults, double timeoutRate, double failureRate) throws Exception {
        return run(dir, acquirer, BrokerMode.EMBEDDED, 1, faults, timeoutRate, failureRate);
    }

    private static Run run(String dir, Acquirer acquirer, BrokerMode broker, int replicas, Set<FaultKind> faults, double timeoutRate,
                           double failureRate) throws Exception {
        return run(dir, acquirer, broker, replicas, faults, timeoutRate, failureRate, 0);
    }

    private static Run run(String dir, Acquirer acquirer, BrokerMode broker, int replicas, Set<FaultKind> faults, double timeoutRate,
                           double failureRate, double voucherShare) throws Exception {
        return run(dir, 300, 40, acquirer, broker, replicas, faults, timeoutRate, failureRate, voucherShare);
    }

    private static Run run(String dir, int charges, int plates, Acquirer acquirer, BrokerMode broker, int replicas, Set<FaultKind> faults,
                           double timeoutRate, double failureRate, double voucherShare) throws Exception {
        SuiteConfig config = new SuiteConfig(charges, 20, plates, true, 7, FaultsCli.fresh(Path.of("target", dir).toAbsolutePath()),
                Path.of(System.getProperty("server.jar", "../server/target/quarkus-app/quarkus-run.jar")), acquirer,
                broker, replicas, faults, Duration.ofSeconds(3), Duration.ofMinutes(2), Duration.ofSeconds(90), Duration.ofMinutes(4),
                0.25, timeoutRate, failureRate, 0.3, voucherShare);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        FaultSuite.Outcome outcome = new FaultSuite(config, out).run();
        Report.print(outcome, config, out);
        String report = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        return new Run(outcome, report);
    }
}
