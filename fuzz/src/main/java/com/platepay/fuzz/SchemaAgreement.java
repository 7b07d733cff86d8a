package com.platepay.fuzz;

import com.platepay.protocol.charge.ReasonCodes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Does the server agree with the contract schema? A message the schema refuses must be REJECTED; a message it
 * accepts must not be REJECTED for what the schema checks (the plate grammar and colour fit are rules beyond the
 * schema, so INVALID_PLATE is agreement when the plate breaks them).
 */
public final class SchemaAgreement {
    /** Codes that say "your message breaks the contract's rules". */
    public static final Set<String> VALIDATION_CODES = Set.of(ReasonCodes.MALFORMED, ReasonCodes.MISSING_FIELD,
            ReasonCodes.INVALID_FIELD, ReasonCodes.INVALID_AMOUNT, ReasonCodes.INVALID_CHARGE_ID, ReasonCodes.INVALID_PLATE,
            ReasonCodes.UNSUPPORTED_VERSION);

    private SchemaAgreement() {
    }

    /**
     * Disagreements among answered cases on the device's charge topic, grouped by kind. {@code alsoRefused} are codes
     * that count as refusing a schema-valid message too (the agreement test, whose messages are all correctly signed
     * and fresh, adds BAD_SIGNATURE and REPLAYED).
     */
    public static List<String> disagreements(List<Outcome> outcomes, Set<String> alsoRefused) {
        Map<String, List<Sent>> found = new TreeMap<>();
        for (Outcome o : outcomes) {
            Sent s = o.sent();
            if (!s.ownChargeTopic() || !o.answered()) {
                continue;
            }
            Answer a = o.answer();
            boolean rejected = "REJECTED".equals(a.status());
            if (!s.validCharge() && !rejected) {
                AnswerCheck.add(found, "schema refuses, server answered " + a.code() + " [" + s.mutation() + "]", s);
            } else if (s.validCharge() && rejected && refuses(a.reasonCode(), s, alsoRefused)) {
                AnswerCheck.add(found, "schema accepts, server " + a.code() + " [" + s.mutation() + "]", s);
            }
        }
        return AnswerCheck.summarise(found);
    }

    private static boolean refuses(String code, Sent s, Set<String> alsoRefused) {
        if (ReasonCodes.INVALID_PLATE.equals(code)) {
            return s.plateFitsGrammar();
        }
        return VALIDATION_CODES.contains(code) || alsoRefused.contains(code);
    }
}
