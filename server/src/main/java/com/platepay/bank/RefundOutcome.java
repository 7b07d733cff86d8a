package com.platepay.bank;

/** What the bank said about a refund, or that we do not know. */
public sealed interface RefundOutcome {

    record Succeeded(String bankReference) implements RefundOutcome {
    }

    /** e.g. REFUND_EXCEEDS_DEBIT, DEBIT_NOT_REFUNDABLE: no money moved. */
    record Declined(String declineCode) implements RefundOutcome {
    }

    /** Timed out, dropped or a server error: the money may or may not have gone back; ask again with the same key. */
    record Unknown(String why) implements RefundOutcome {
    }

    /** The acquirer adapter cannot refund (yet): no money moved. */
    record NotSupported(String why) implements RefundOutcome {
    }
}
