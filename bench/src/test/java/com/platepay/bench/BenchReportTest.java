package com.platepay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdicts and summary lines scripts read, from figures made up for the purpose (no stack). */
class BenchReportTest {

    @TempDir
    Path root;

    private BenchSettings settings(int vehicles, int rate) {
        return new BenchSettings(root.resolve("fleet-" + vehicles), Path.of("server.jar"), Path.of("bank.jar"), List.of(), Map.of(),
                vehicles, 100, rate, 64, 10, 60, 8, 20, 1);
    }

    private static ChargeLoad.Figures figures(double perSecond, long p99Micros, Map<String, Long> outcomes) {
        Histogram h = new Histogram(120_000_000L, 3);
        for (int i = 0; i < 1000; i++) {
            h.recordValue(i < 980 ? 5_000 : p99Micros);
        }
        return new ChargeLoad.Figures(h, perSecond, 1000, outcomes, 0, 0, 0.3, 60);
    }

    private static String print(BenchReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void summaryLinesAndVerdictsWhenTheTargetsHold() {
        String out = print(new BenchReport(settings(1000, 1000), true, figures(1010, 20_000, Map.of("APPROVED", 1000L)),
                OptionalDouble.of(1800)));
        assertTrue(out.contains("verdict throughput >= 1000 charges/s for 60 s, every charge approved: MET"), out);
        assertTrue(out.contains("verdict p99 <= 25 ms at 1000 charges/s, open loop: MET"), out);
        assertTrue(out.contains("verdict ratio >= 0.5: MET (0.561)"), out);
        assertTrue(out.contains("\nthroughput: 1010 charges/s\n"), out);
        assertTrue(out.contains("\npgbench: 1800 tps\n"), out);
        assertTrue(out.contains("\nratio: 0.561\n"), out);
    }

    @Test
    void aDeclineOrASlowTailFailsTheTargets() {
        String out = print(new BenchReport(settings(1000, 1000), true,
                figures(1010, 90_000, Map.of("APPROVED", 990L, "DECLINED/BANK_TIMEOUT", 10L)), OptionalDouble.of(1800)));
        assertTrue(out.contains("every charge approved: NOT MET (1010/s, not every charge approved)"), out);
        assertTrue(out.contains("open loop: NOT MET"), out);
    }

    @Test
    void noThroughputFromCommitsThatAreNotDurable() {
        String out = print(new BenchReport(settings(1000, 1000), false, figures(5000, 1_000, Map.of("APPROVED", 1000L)),
                OptionalDouble.of(1800)));
        assertTrue(out.contains("throughput: not reported (commits are not durable, or not shown to be)"), out);
        assertTrue(out.contains("verdict throughput: NOT JUDGED (commits are not durable, or not shown to be)"), out);
        assertTrue(out.contains("ratio: not measured"), out);
    }

    @Test
    void theFleetSizeVerdictComparesRunsAtTheSameRate() throws Exception {
        BenchReport small = new BenchReport(settings(1000, 500), true, figures(500, 20_000, Map.of("APPROVED", 1000L)), OptionalDouble.empty());
        Files.createDirectories(root);
        small.append(root.resolve("results.csv"));
        String out = print(new BenchReport(settings(1_000_000, 500), true, figures(500, 23_000, Map.of("APPROVED", 1000L)),
                OptionalDouble.empty()));
        assertTrue(out.contains("verdict fleet size, p99 at 10^6 vehicles within 10 % of 10^3: NOT MET (23.0 ms vs 20.0 ms)"), out);
    }

    @Test
    void pgbenchOutputIsRead() {
        String output = "number of transactions actually processed: 85287\nlatency average = 1.876 ms\n"
                + "initial connection time = 13.447 ms\ntps = 4264.386410 (without initial connection time)\n";
        assertEquals(4264.386410, Pgbench.parseTps(output).getAsDouble(), 1e-6);
        assertTrue(Pgbench.parseTps("pgbench: error: connection refused").isEmpty());
    }
}
