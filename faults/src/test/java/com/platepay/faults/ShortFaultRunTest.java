package com.platepay.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The short fault run of {@code ./mvnw verify}: the packaged server, the simulated bank and an embedded PostgreSQL
 * as processes, 20 handhelds and a few hundred charges, with the server killed (SIGKILL) twice and messages
 * delivered twice, then every invariant checked. The embedded broker dies with the server, so every handheld loses
 * its connection at each kill.
 *
 * <p>Cards are shared as in the full run (two plates on one card, one card in two accounts), so the caps per card
 * and per driver are checked too, and copies of charges are also sent with their id spelt in upper case.
 */
class ShortFaultRunTest {

    @Test
    @Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
    void everyInvariantHoldsThroughKillsAndDuplicateDelivery() throws Exception {
        SuiteConfig config = new SuiteConfig(300, 20, 40, true, 7, FaultsCli.fresh(Path.of("target", "short-fault-run").toAbsolutePath()),
                Path.of(System.getProperty("server.jar", "../server/target/quarkus-app/quarkus-run.jar")),
                Path.of(System.getProperty("bank-simulator.jar", "../bank-simulator/target/bank-simulator.jar")),
                BrokerMode.EMBEDDED, EnumSet.of(FaultKind.SERVER_KILL, FaultKind.DUPLICATES, FaultKind.ID_SPELLING), Duration.ofSeconds(3),
                Duration.ofMinutes(2), Duration.ofSeconds(90), Duration.ofMinutes(4), 0.25, 0.05, 0.02);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        FaultSuite.Outcome outcome = new FaultSuite(config, out).run();
        Report.print(outcome, config, out);
        String report = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(report);

        long kills = outcome.timeline().events().stream().filter(e -> e.text().startsWith("server killed")).count();
        assertEquals(2, kills, report);
        assertTrue(outcome.tally().copies.sum() > 0, "no message was delivered twice\n" + report);
        assertEquals(300, outcome.tally().ended.sum(), report);
        outcome.verdicts().forEach(v -> assertTrue(v.holds(), v.invariant() + " broke: " + v.figure() + "\n" + report));
    }
}
