package com.platepay.faults;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The acquirer as the suite drives and audits it: counted fault rules, and the money each account really lost.
 * Two acquirers speak it: the HTTP simulated bank ({@link HttpBank}) and the ISO 8583 host ({@link IsoHost}).
 */
interface BankSide {

    /** Which requests a rule matches. */
    enum On { DEBIT, REVERSAL, HOLD, COMPLETION }

    /** What goes wrong, in the suite's words; each acquirer maps it onto its own fault modes. */
    enum Fault {
        /** The bank takes the money and answers after delayMs: the server times out not knowing. */
        ANSWER_LATE,
        /** The request reaches the bank only after delayMs, after the server gave up (and may have reversed). */
        ARRIVE_LATE,
        /** The bank refuses to process it (HTTP 500, ISO 8583 response code 96). */
        ERROR,
        /** The connection is closed with no answer. */
        DROP
    }

    /** One counted rule: the next {@code count} matching requests. */
    record Rule(On on, Fault fault, int count, long delayMs) {
        String key() {
            return on + "/" + fault;
        }
    }

    /** Replaces the fault set. */
    void replaceFaults(List<Rule> rules) throws IOException;

    /** How many uses each rule of the current set has left, by {@link Rule#key()}. */
    Map<String, Integer> remaining() throws IOException;

    void clearFaults() throws IOException;

    /** The account's debits as the bank's own books hold them, each under the server's idempotency key. */
    List<BankDebit> debits(String accountId) throws IOException;

    /** The account's holds as the bank's books hold them; empty where the suite does not audit holds. */
    default List<BankHold> holds(String accountId) throws IOException {
        return List.of();
    }

    /** Whether fault rules on holds and their completions apply here. */
    default boolean holdFaults() {
        return false;
    }
}
