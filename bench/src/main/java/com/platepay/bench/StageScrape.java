package com.platepay.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own stage timers ({@code platepay_charge_stage_seconds} on /q/metrics), read at the start and the
 * end of the steady state: the mean time each stage of a charge took in between.
 */
final class StageScrape {
    private static final Pattern LINE = Pattern.compile(
            "^platepay_charge_stage_seconds_(sum|count)\\{stage=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    /** Per stage: total seconds and count. */
    record Snapshot(Map<String, double[]> stages) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI metrics;

    /** {@code server}: the server's HTTP base, e.g. http://127.0.0.1:8080. */
    StageScrape(URI server) {
        this.metrics = server.resolve("/q/metrics");
    }

    Snapshot take() {
        Map<String, double[]> stages = new TreeMap<>();
        try {
            String text = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = LINE.matcher(text);
            while (m.find()) {
                double[] v = stages.computeIfAbsent(m.group(2), s -> new double[2]);
                v["sum".equals(m.group(1)) ? 0 : 1] = Double.parseDouble(m.group(3));
            }
        } catch (Exception e) {
            // No table then; the benchmark's own figures stand.
        } 
        return new Snapshot(stages);
    }

    static void print(Snapshot from, Snapshot to, PrintStream out) {
        if (to.stages().isEmpty()) {
            out.println("server stages: not available (no platepay_charge_stage_seconds on /q/metrics)");
            return;
        }
        out.println("server stages, mean per charge in the steady state (the server's own timers):");
        to.stages().forEach((stage, v) -> {
            double[] before = from.stages().getOrDefault(stage, new double[2]);
            double n = v[1] - before[1];
            if (n > 0) {
                out.printf(Locale.ROOT, "  %-18s %8.2f ms  (%.0f)%n", stage, (v[0] - before[0]) / n * 1000, n);
            }
        });
    }
}
