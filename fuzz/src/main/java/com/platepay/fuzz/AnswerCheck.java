package com.platepay.fuzz;

import com.platepay.protocol.charge.ReasonCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pass conditions on answers: every message on the device's charge topic gets a coded answer (or the broker
 * refuses it); another device's or site's topic is refused by the broker; every answer is signed by the server,
 * fits the result schema, carries a known code, names the chargeId sent (if any) and never states an amount the
 * device did not send.
 */
public final class AnswerCheck {
    private static final Set<String> STATUSES = Set.of("APPROVED", "DECLINED", "REJECTED");

    private AnswerCheck() {
    }

    public static List<String> violations(List<Outcome> outcomes) {
        Map<String, List<Sent>> problems = new TreeMap<>();
        for (Outcome o : outcomes) {
            Sent s = o.sent();
            if (!s.ownChargeTopic()) {
                if (s.mutation().startsWith("another-") && !o.refusedByBroker()) {
                    add(problems, "the broker accepted a publish on a topic not the device's own", s);
                }
                continue;
            }
            if (o.lostWithConnection() || o.refusedByBroker()) {
                continue;
            }
            if (!o.answered()) {
                add(problems, "no answer", s);
                continue;
            }
            Answer a = o.answer();
            if (!a.signedByServer()) {
                add(problems, "answer not signed with the server's key", s);
            }
            if (!a.schemaErrors().isEmpty()) {
                add(problems, "answer breaks the result schema: " + a.schemaErrors().get(0), s);
            }
            if (!STATUSES.contains(a.status()) || !ReasonCodes.ALL.contains(a.reasonCode())) {
                add(problems, "answer without a known status and reason code: " + a.code(), s);
            }
            if (a.chargeId() != null && s.chargeId() != null && !a.chargeId().equalsIgnoreCase(s.chargeId())) {
                add(problems, "answer names chargeId " + a.chargeId() + ", the device sent another", s);
            }
            if (a.amount() != 0 && (s.amount() == null || s.amount().compareTo(BigDecimal.valueOf(a.amount())) != 0)) {
                add(problems, "answer " + a.code() + " states amount " + a.amount() + ", the device sent "
                        + (s.amount() == null ? "none" : s.amount().toPlainString()), s);
            }
        }
        return summarise(problems);
    }

    static void add(Map<String, List<Sent>> problems, String what, Sent s) {
        problems.computeIfAbsent(what, k -> new ArrayList<>()).add(s);
    }

    /** One line per kind of problem: how often, and up to three cases. */
    static List<String> summarise(Map<String, List<Sent>> problems) {
        List<String> out = new ArrayList<>();
        problems.forEach((what, cases) -> out.add(what + ": " + cases.size() + " case(s), e.g. "
                + cases.stream().limit(3).map(Sent::describe).toList()));
        return out;
    }
}
