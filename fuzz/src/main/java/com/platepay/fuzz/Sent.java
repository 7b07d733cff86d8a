package com.platepay.fuzz;

import java.math.BigDecimal;

/** What is kept of a case once it is sent (never its payload): enough to judge the answer and the money. */
public record Sent(int index, String family, String mutation, String chargeId, BigDecimal amount, boolean validCharge,
                   String schemaReason, boolean plateFitsGrammar, boolean ownChargeTopic, int bytes) {

    static Sent of(FuzzCase c, SchemaOracle.Verdict v) {
        return new Sent(c.index(), c.family(), c.mutation(), c.chargeId(), c.amount(), v.validCharge() && c.ownChargeTopic(),
                v.reasons().isEmpty() ? "" : v.reasons().get(0), c.plateFitsGrammar(), c.ownChargeTopic(), c.payload().length);
    }

    public String describe() {
        return "#" + index + " " + family + " " + mutation + " (" + bytes + " bytes, schema: "
                + (validCharge ? "valid charge" : "refuses: " + shorten(schemaReason)) + ")";
    }

    private static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
