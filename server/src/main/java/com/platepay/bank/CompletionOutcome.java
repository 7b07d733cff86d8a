package com.platepay.bank;

/** What came of a completion. Unknown: not acknowledged yet; asking again is safe (it is an advice). */
public sealed interface CompletionOutcome {

    record Completed() implements CompletionOutcome {
    }

    /** declineCode is the bank's, e.g. AMOUNT_ABOVE_HOLD or ORIGINAL_NOT_FOUND. */
    record Declined(String declineCode) implements CompletionOutcome {
    }

    record Unknown(String why) implements CompletionOutcome {
    }

    record NotSupported(String why) implements CompletionOutcome {
    }
}
