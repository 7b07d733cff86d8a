package com.platepay.charging;

/** Where a charge is. The moves between these live in {@link ChargeStateMachine}, and only there. */
public enum ChargeStatus {
    /** Being decided in the first transaction; never committed in this state. */
    RECEIVED,
    /** Persisted and reserved under the caps; the debit is on its way to the bank. */
    AUTHORIZING,
    APPROVED,
    DECLINED,
    /** The bank did not answer in time: the device was told "declined", and the janitor makes sure no money moved. */
    UNKNOWN,
    REVERSED,
    /** The bank never confirmed the reversal within the bound: money may be held, and a person must look. */
    REVERSAL_FAILED;

    /** Whether the device's answer is settled. UNKNOWN and after are told to the device as a decline (BANK_TIMEOUT). */
    public boolean answered() {
        return this != RECEIVED && this != AUTHORIZING;
    }
}
