package com.platepay.acquirerhost;

import com.platepay.iso8583.Pans;

/** A card account at the host. Money in minor units; the book's monitor guards the balance. */
public record HostAccount(String accountId, String pan, String holderName, String cardType, String bankName,
                          int expiryMonth, int expiryYear, long balance, String currency, String createdAt) {

    HostAccount withBalance(long newBalance) {
        return new HostAccount(accountId, pan, holderName, cardType, bankName, expiryMonth, expiryYear, newBalance,
                currency, createdAt);
    }

    @Override
    public String toString() {
        return "HostAccount[" + accountId + ", " + Pans.mask(pan) + "]";
    }
}
