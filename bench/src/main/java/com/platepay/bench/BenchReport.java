package com.platepay.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * The figures of one run, a verdict per target of issue #11, and one summary line per figure for scripts. Throughput
 * is reported only when the database's commits are durable. Each run is appended to {@code results.csv}, which is
 * where the fleet-size target (p99 at 10^6 vehicles within 10 % of p99 at 10^3, same rate) is judged from.
 */
final class BenchReport {
    static final double TARGET_RATE = 1000;
    static final double TARGET_P99_MS = 25;
    static final int TARGET_SECONDS = 60;
    static final double TARGET_RATIO = 0.5;
    static final double FLEET_TOLERANCE = 0.10;

    private final BenchSettings settings;
    private final boolean durable;
    private final ChargeLoad.Figures figures;
    private final OptionalDouble pgbenchTps;

    BenchReport(BenchSettings settings, boolean durable, ChargeLoad.Figures figures, OptionalDouble pgbenchTps) {
        this.settings = settings;
        this.durable = durable;
        this.figures = figures;
        this.pgbenchTps = pgbenchTps;
    }

    double p99Millis() {
        return ms(figures.latencyMicros(), 99);
    }

    void print(PrintStream out) {
        Histogram h = figures.latencyMicros();
        out.println();
        out.printf(Locale.ROOT, "steady state: %d charges measured over %.0f s (%s)%n", figures.measured(), figures.steadySeconds(),
                settings.rate() > 0 ? "open loop, from each charge's scheduled time" : "flat out, from each charge's send");
        out.printf(Locale.ROOT, "latency: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  max %.1f ms%n", ms(h, 50), ms(h, 95),
                ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0);
        out.println("outcomes:");
        figures.outcomes().forEach((k, v) -> out.printf("  %-40s %d%n", k, v));
        if (figures.noAnswer() > 0) {
            out.printf("  %-40s %d%n", "NO_ANSWER (15 s after the load)", figures.noAnswer());
        }
        if (figures.badSignatures() > 0) {
            out.printf("  %-40s %d%n", "results with a bad signature", figures.badSignatures());
        }
        out.printf(Locale.ROOT, "load generator CPU: %.2f cores%n", figures.loadGeneratorCores());
        out.println();
        for (String verdict : verdicts()) {
            out.println(verdict);
        }
        out.println();
        out.println(durable ? String.format(Locale.ROOT, "throughput: %.0f charges/s", figures.approvedPerSecond())
                : "throughput: not reported (commits are not durable, or not shown to be)");
        out.printf(Locale.ROOT, "p99: %.1f ms%n", p99Millis());
        out.println(pgbenchTps.isPresent() ? String.format(Locale.ROOT, "pgbench: %.0f tps", pgbenchTps.getAsDouble()) : "pgbench: not measured");
        out.println(ratio().isPresent() ? String.format(Locale.ROOT, "ratio: %.3f", ratio().getAsDouble()) : "ratio: not measured");
    }

    private OptionalDouble ratio() {
        return durable && pgbenchTps.isPresent() && pgbenchTps.getAsDouble() > 0
                ? OptionalDouble.of(figures.approvedPerSecond() / pgbenchTps.getAsDouble()) : OptionalDouble.empty();
    }

    List<String> verdicts() {
        List<String> v = new ArrayList<>();
        boolean allApproved = figures.outcomes().keySet().stream().allMatch("APPROVED"::equals) && figures.noAnswer() == 0;
        if (!durable) {
            v.add("verdict throughput: NOT JUDGED (commits are not durable, or not shown to be)");
        } else if (figures.steadySeconds() < TARGET_SECONDS) {
            v.add(String.format(Locale.ROOT, "verdict throughput: NOT JUDGED (steady state %.0f s < %d s)", figures.steadySeconds(), TARGET_SECONDS));
        } else {
            v.add(String.format(Locale.ROOT, "verdict throughput >= %.0f charges/s for %d s, every charge approved: %s (%.0f/s%s)",
                    TARGET_RATE, TARGET_SECONDS, figures.approvedPerSecond() >= TARGET_RATE && allApproved ? "MET" : "NOT MET",
                    figures.approvedPerSecond(), allApproved ? "" : ", not every charge approved"));
        }
        if (settings.rate() >= TARGET_RATE) {
            v.add(String.format(Locale.ROOT, "verdict p99 <= %.0f ms at %.0f charges/s, open loop: %s (%.1f ms)", TARGET_P99_MS, TARGET_RATE,
                    p99Millis() <= TARGET_P99_MS && allApproved ? "MET" : "NOT MET", p99Millis()));
        } else {
            v.add(String.format(Locale.ROOT, "verdict p99 <= %.0f ms at %.0f charges/s: NOT JUDGED (run at --rate %.0f)", TARGET_P99_MS,
                    TARGET_RATE, TARGET_RATE));
        }
        v.add(ratio().isPresent()
                ? String.format(Locale.ROOT, "verdict ratio >= %.1f: %s (%.3f)", TARGET_RATIO, ratio().getAsDouble() >= TARGET_RATIO ? "MET" : "NOT MET",
                ratio().getAsDouble())
                : "verdict ratio: NOT JUDGED (no pgbench figure)");
        v.add(fleetVerdict());
        return v;
    }

    /** From results.csv: the latest p99 at 10^3 and at 10^6 vehicles at this run's rate. */
    private String fleetVerdict() {
        Path csv = settings.workDir().getParent().resolve("results.csv");
        Double small = null;
        Double large = null;
        try {
            if (Files.isRegularFile(csv)) {
                for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
                    String[] f = line.split(",");
                    if (f.length < 6 || f[0].equals("at") || Integer.parseInt(f[2]) != settings.rate()) {
                        continue;
                    }
                    int vehicles = Integer.parseInt(f[1]);
                    double p99 = Double.parseDouble(f[4]);
                    if (vehicles == 1_000) {
                        small = p99;
                    } else if (vehicles == 1_000_000) {
                        large = p99;
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "verdict fleet size: NOT JUDGED (" + csv + " unreadable)";
        }
        if (settings.vehicles() == 1_000) {
            small = p99Millis();
        } else if (settings.vehicles() == 1_000_000) {
            large = p99Millis();
        }
        if (small == null || large == null) {
            return "verdict fleet size (p99 at 10^6 vehicles within 10 % of 10^3): NOT JUDGED (needs runs at --vehicles 1000 and "
                    + "--vehicles 1000000 at --rate " + settings.rate() + ")";
        }
        return String.format(Locale.ROOT, "verdict fleet size, p99 at 10^6 vehicles within 10 %% of 10^3: %s (%.1f ms vs %.1f ms)",
                large <= small * (1 + FLEET_TOLERANCE) ? "MET" : "NOT MET", large, small);
    }

    void append(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            Files.writeString(csv, "at,vehicles,rate,approvedPerSecond,p99ms,p50ms,pgbenchTps,durable\n", StandardCharsets.UTF_8);
        }
        String line = String.join(",", Instant.now().toString(), String.valueOf(settings.vehicles()), String.valueOf(settings.rate()),
                String.format(Locale.ROOT, "%.1f", figures.approvedPerSecond()), String.format(Locale.ROOT, "%.2f", p99Millis()),
                String.format(Locale.ROOT, "%.2f", ms(figures.latencyMicros(), 50)),
                pgbenchTps.isPresent() ? String.format(Locale.ROOT, "%.0f", pgbenchTps.getAsDouble()) : "",
                String.valueOf(durable)) + "\n";
        Files.writeString(csv, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
