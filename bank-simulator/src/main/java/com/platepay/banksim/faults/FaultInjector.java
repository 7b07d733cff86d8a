package com.platepay.banksim.faults;

import java.util.ArrayList;
import java.util.List;

/** The current fault set: a latency added to every debit, and rules consumed one matching request at a time. */
public final class FaultInjector {
    private long latencyMs;
    private final List<FaultRule> rules = new ArrayList<>();

    public record Settings(long latencyMs, List<FaultRule> rules) {
    }

    public synchronized void replace(Settings settings) {
        latencyMs = settings.latencyMs();
        rules.clear();
        rules.addAll(settings.rules());
    }

    public synchronized void clear() {
        replace(new Settings(0, List.of()));
    }

    /** Rules with their remaining counts (spent rules are dropped). */
    public synchronized Settings current() {
        return new Settings(latencyMs, List.copyOf(rules));
    }

    public synchronized long latencyMs() {
        return latencyMs;
    }

    /** The first rule for this kind of request with uses left, using one of them; null when none applies. */
    public synchronized FaultRule take(FaultTarget target) {
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (rule.on() == target && rule.count() > 0) {
                FaultRule left = rule.used();
                if (left.count() > 0) {
                    rules.set(i, left);
                } else {
                    rules.remove(i);
                }
                return rule;
            }
        }
        return null;
    }
}
