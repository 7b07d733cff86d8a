package com.platepay.refunds;

/** Where a refund is; the moves live in {@link RefundStateMachine}. */
public enum RefundStatus {
    /** Stored with its amount reserved on the charge; not yet sent to the bank. */
    REQUESTED,
    /** On its way to the bank (or the answer was lost when the server stopped). */
    SENT,
    /** The bank gave the money back; the ledger posting and the driver's notice committed with this move. */
    SUCCEEDED,
    /** The bank refused (or the adapter cannot refund): no money moved, and the charge's reservation was given back. */
    FAILED,
    /** The bank did not answer: sent again under the same key (retry), never as a second refund. */
    UNKNOWN
}
