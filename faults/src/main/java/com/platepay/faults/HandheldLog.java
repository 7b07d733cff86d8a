package com.platepay.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Everything the handhelds sent and heard, per charge id: the devices' side of the invariants. */
final class HandheldLog {

    /** One charge as its handheld saw it. {@code finalAnswer} is null when it gave up. */
    record Entry(PlannedCharge charge, String deviceId, Answer finalAnswer, List<Answer> allAnswers, int attempts) {
    }

    private final Map<String, PlannedCharge> sent = new ConcurrentHashMap<>();
    private final Map<String, String> deviceOf = new ConcurrentHashMap<>();
    private final Map<String, Answer> finals = new ConcurrentHashMap<>();
    private final Map<String, List<Answer>> heard = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    void sending(PlannedCharge charge, String deviceId) {
        sent.putIfAbsent(charge.chargeId(), charge);
        deviceOf.putIfAbsent(charge.chargeId(), deviceId);
        attempts.merge(charge.chargeId(), 1, Integer::sum);
    }

    /** Every answer, also late ones for an attempt the handheld had stopped waiting for. */
    void heard(String chargeId, Answer answer) {
        heard.computeIfAbsent(chargeId, k -> Collections.synchronizedList(new ArrayList<>())).add(answer);
    }

    void ended(String chargeId, Answer answer) {
        finals.put(chargeId, answer);
    }

    List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (var e : sent.entrySet()) {
            String id = e.getKey();
            List<Answer> all = heard.getOrDefault(id, List.of());
            List<Answer> copy;
            synchronized (all) {
                copy = List.copyOf(all);
            }
            out.add(new Entry(e.getValue(), deviceOf.get(id), finals.get(id), copy, attempts.getOrDefault(id, 0)));
        }
        return out;
    }
}
