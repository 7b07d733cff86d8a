package com.platepay.fuzz;

import java.math.BigDecimal;

/**
 * One generated message: what it is ({@code family} and {@code mutation}, e.g. "field" / "body.amount=1e2"), where
 * it goes and its exact bytes. {@code chargeId} and {@code amount} are what the body says, read leniently (null when
 * the bytes do not say), so the checks can tie debits and results back to what was sent.
 */
public record FuzzCase(int index, String family, String mutation, String topic, byte[] payload, String chargeId,
                       BigDecimal amount, boolean plateFitsGrammar, boolean ownChargeTopic) {

    /** A short description for reports; never the whole payload (it may be a megabyte). */
    public String describe() {
        return "#" + index + " " + family + " " + mutation + " (" + payload.length + " bytes)";
    }
}
