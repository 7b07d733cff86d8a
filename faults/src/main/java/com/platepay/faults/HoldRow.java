package com.platepay.faults;

import java.util.Set;

/** One row of the server's holds table, as the audit reads it; {@code id} is also the hold's key at the bank. */
record HoldRow(String id, String status, long amount, Long captured, String chargeId) {

    /** A hold in one of these still has work to do (the janitor's). */
    static final Set<String> UNSETTLED = Set.of("PLACING", "HELD", "UNKNOWN", "COMPLETING", "VOIDING");
}
