package com.platepay.faults;

/** A debit as the bank's own API lists it; {@code status} is APPROVED, DECLINED or REVERSED. */
record BankDebit(String idempotencyKey, String accountId, String status, long amount) {
    /** Money that left the card and is still gone. */
    boolean moneyMoved() {
        return "APPROVED".equals(status);
    }
}
