package com.platepay.banksim.accounts;

public enum CardType {
    DEBIT, CREDIT
}
