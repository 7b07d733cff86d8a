package com.platepay.bank;

/** What the bank said about a hold, that we do not know, or that this acquirer port has no holds. */
public sealed interface HoldOutcome {

    record Held(String approvalCode, String bankReference) implements HoldOutcome {
    }

    record Declined(String declineCode) implements HoldOutcome {
    }

    /** Timed out or dropped: the hold may or may not stand; void it. */
    record Unknown(String why) implements HoldOutcome {
    }

    record NotSupported(String why) implements HoldOutcome {
    }
}
