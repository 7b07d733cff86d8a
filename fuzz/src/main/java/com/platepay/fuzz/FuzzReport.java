package com.platepay.fuzz;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints a run's figures: counts by answer status/reason code, by family and by HTTP status; then what failed. */
public final class FuzzReport {
    private FuzzReport() {
    }

    public static void print(PrintStream out, MessageFuzz.Result mqtt, RestFuzzer.Report rest, int maxLines) {
        if (mqtt != null) {
            List<Outcome> o = mqtt.outcomes();
            out.printf("%nMQTT: %d messages (%d valid charges by the schema), %d debits that moved money%n", o.size(),
                    o.stream().filter(x -> x.sent().validCharge()).count(), mqtt.moneyMovingDebits());
            table(out, "answer (status/reason)", count(o, FuzzReport::answerKey));
            table(out, "family", count(o, x -> x.sent().family()));
            out.printf("late or repeated answers: %d, answers without our correlation data: %d%n", mqtt.lateOrRepeatedAnswers(),
                    mqtt.uncorrelatedAnswers());
            lines(out, "FAILED pass conditions", mqtt.violations(), maxLines);
            lines(out, "schema/server disagreements", mqtt.disagreements(), maxLines);
        }
        if (rest != null) {
            out.printf("%nREST: %d requests to %d operations%n", rest.requests(), rest.operations());
            table(out, "HTTP status", rest.byStatus());
            lines(out, "FAILED: 5xx or no answer", rest.failures(), maxLines);
        }
    }

    static String answerKey(Outcome o) {
        if (o.answered()) {
            return o.answer().code();
        }
        if (o.refusedByBroker()) {
            return "refused by broker (" + o.brokerRefusal() + ")";
        }
        if (o.lostWithConnection()) {
            return "in flight at a reconnect";
        }
        return o.sent().ownChargeTopic() ? "NO ANSWER" : "accepted on a non-charge topic (no answer due)";
    }

    private static Map<String, Integer> count(List<Outcome> outcomes, Function<Outcome, String> key) {
        return outcomes.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingInt(x -> 1)));
    }

    private static void table(PrintStream out, String title, Map<String, Integer> counts) {
        out.printf("  %-62s %8s%n", title, "count");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.printf("  %-62s %8d%n", e.getKey(), e.getValue()));
    }

    private static void lines(PrintStream out, String title, List<String> lines, int max) {
        out.printf("%s: %s%n", title, lines.isEmpty() ? "none" : lines.size());
        lines.stream().limit(max).forEach(l -> out.println("  - " + l));
        if (lines.size() > max) {
            out.printf("  ... and %d more%n", lines.size() - max);
        }
    }
}
