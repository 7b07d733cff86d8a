package com.platepay.banksim.debits;

public enum DebitStatus {
    APPROVED, DECLINED, REVERSED
}
