package com.platepay.bank;

/** What the bank said about a debit, or that we do not know. */
public sealed interface DebitOutcome {

    record Approved(String approvalCode, String bankReference) implements DebitOutcome {
    }

    /** declineCode is the bank's code, e.g. INSUFFICIENT_FUNDS. */
    record Declined(String declineCode) implements DebitOutcome {
    }

    /** Timed out, dropped or a server error: the money may or may not have moved. */
    record Unknown(String why) implements DebitOutcome {
    }
}
