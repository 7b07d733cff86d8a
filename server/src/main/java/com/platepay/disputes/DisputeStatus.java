package com.platepay.disputes;

/** Where a dispute is; the moves live in {@link DisputeStateMachine}. */
public enum DisputeStatus {
    /** The driver opened it; nobody has taken it up yet. */
    OPEN,
    /** The site's operator is looking at it. */
    UNDER_REVIEW,
    /** The operator agreed with the driver (the refund is the operator's to make; see README). */
    UPHELD,
    REJECTED,
    /** The driver took it back. */
    WITHDRAWN;

    public boolean live() {
        return this == OPEN || this == UNDER_REVIEW;
    }
}
