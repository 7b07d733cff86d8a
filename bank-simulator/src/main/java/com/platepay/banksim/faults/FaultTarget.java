package com.platepay.banksim.faults;

/** Which requests a fault rule matches. */
public enum FaultTarget {
    /** POST /v1/debits */
    DEBIT,
    /** GET /v1/debits/{key} */
    DEBIT_INQUIRY,
    /** POST /v1/debits/{key}/reversal */
    REVERSAL,
    /** POST /v1/refunds */
    REFUND,
    /** POST /v1/card-verifications */
    VERIFY,
    /** POST /v1/holds */
    HOLD,
    /** POST /v1/holds/{key}/completion */
    COMPLETION,
    /** POST /v1/holds/{key}/void */
    VOID
}
