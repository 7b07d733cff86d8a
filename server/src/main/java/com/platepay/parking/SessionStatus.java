package com.platepay.parking;

/** Where a parking stay is; moves only through {@link SessionStateMachine}. */
public enum SessionStatus {
    /** The car is inside. */
    OPEN,
    /** Priced at the exit; the debit is with the charging core. */
    CHARGING,
    /** Debited, or nothing was due. */
    PAID,
    /** The debit was declined and the lot let the car out: the driver owes it. */
    ARREARS,
    /** The debit was declined and the barrier stayed closed: another payment is needed. */
    UNPAID,
    /** A person must decide: a fuzzy or unsure read, no mandate, a flagged plate, a lost entry. */
    REVIEW,
    /** An operator waived it. */
    WAIVED
}
