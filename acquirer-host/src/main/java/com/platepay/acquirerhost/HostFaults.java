package com.platepay.acquirerhost;

import java.util.ArrayList;
import java.util.List;

/**
 * Faults injected at run time through the admin API. Each rule applies to the next {@code count} requests of its
 * kind; {@code latencyMs} is added before every financial request is processed.
 */
public final class HostFaults {

    /** Which requests a rule matches. */
    public enum On { PURCHASE, REFUND, AUTHORIZATION, COMPLETION, VOID, REVERSAL, ECHO, ANY }

    public enum Mode {
        /** Processed at once (money moves), answered after delayMs: the terminal times out not knowing. */
        LATE_ANSWER,
        /** Processed, never answered. */
        NO_ANSWER,
        /** Held for delayMs before it is processed, then answered: it arrives after the terminal gave up on it. */
        LATE_ARRIVAL,
        /** Not processed; the connection is closed with no answer. */
        DROP_LINK,
        /** Not processed; answered at once with field 39 = responseCode. */
        RESPOND
    }

    public record Rule(On on, Mode mode, int count, long delayMs, String responseCode) {
        public Rule {
            if (on == null || mode == null) {
                throw new IllegalArgumentException("a rule needs on and mode");
            }
            if (mode == Mode.RESPOND && (responseCode == null || !responseCode.matches("[0-9A-Z]{2}"))) {
                throw new IllegalArgumentException("RESPOND needs a two-character responseCode");
            }
            count = count <= 0 ? 1 : count;
            delayMs = delayMs <= 0 ? 5_000 : delayMs;
        }
    }

    public record Settings(long latencyMs, List<Rule> rules) {
    }

    private long latencyMs;
    private final List<Rule> rules = new ArrayList<>();

    public synchronized void replace(Settings settings) {
        latencyMs = Math.max(0, settings.latencyMs());
        rules.clear();
        if (settings.rules() != null) {
            rules.addAll(settings.rules());
        }
    }

    public synchronized Settings current() {
        return new Settings(latencyMs, List.copyOf(rules));
    }

    public synchronized long latencyMs() {
        return latencyMs;
    }

    /** The first rule for this kind of request, used up by one; null when none applies. */
    public synchronized Rule take(On kind) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.on() == kind || rule.on() == On.ANY) {
                if (rule.count() <= 1) {
                    rules.remove(i);
                } else {
                    rules.set(i, new Rule(rule.on(), rule.mode(), rule.count() - 1, rule.delayMs(), rule.responseCode()));
                }
                return rule;
            }
        }
        return null;
    }
}
