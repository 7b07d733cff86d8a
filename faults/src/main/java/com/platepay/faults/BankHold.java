package com.platepay.faults;

/** A hold as the bank's own books hold it, under the server's idempotency key. */
record BankHold(String idempotencyKey, String accountId, String status, long amount, Long captured) {
}
