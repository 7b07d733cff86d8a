package com.platepay.charging;

public enum ChargeStatus {
    RECEIVED, AUTHORIZING, APPROVED, DECLINED, UNKNOWN, REVERSED;

    /** Whether the device's answer is settled. UNKNOWN is told to the device as a decline (BANK_TIMEOUT). */
    public boolean answered() {
        return this != RECEIVED && this != AUTHORIZING;
    }
}
