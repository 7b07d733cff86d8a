package com.platepay.offline;

/** Where an uploaded voucher stands: stored and being charged, paid, or owed by the driver. */
public enum VoucherStatus {
    RECEIVED, PAID, ARREARS
}
