package com.platepay.banksim.accounts;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A card account. The balance is guarded by this object's monitor: every read-check-write of money
 * happens inside {@code synchronized (account)}, so concurrent debits can never overdraw it.
 */
public final class Account {
    private final String accountId;
    private final String pan;
    private final String holderName;
    private final CardType cardType;
    private final String bankName;
    private final int expiryMonth;
    private final int expiryYear;
    private final String currency;
    private final Instant createdAt;
    private long balance;

    public Account(String accountId, String pan, String holderName, CardType cardType, String bankName,
                   int expiryMonth, int expiryYear, long balance, String currency, Instant createdAt) {
        this.accountId = accountId;
        this.pan = pan;
        this.holderName = holderName;
        this.cardType = cardType;
        this.bankName = bankName;
        this.expiryMonth = expiryMonth;
        this.expiryYear = expiryYear;
        this.balance = balance;
        this.currency = currency;
        this.createdAt = createdAt;
    }

    public synchronized long balance() {
        return balance;
    }

    /** Takes the amount out if the balance covers it. */
    public synchronized boolean withdraw(long amount) {
        if (amount <= 0 || balance < amount) {
            return false;
        }
        balance -= amount;
        return true;
    }

    public synchronized void deposit(long amount) {
        balance = Math.addExact(balance, amount);
    }

    /** Re-applies a movement read back from the journal; it was checked when it first happened. */
    public synchronized void replayMovement(long amount) {
        balance = Math.addExact(balance, amount);
    }

    /** The card is valid through the last day of its expiry month. */
    public boolean isExpired(YearMonth now) {
        return YearMonth.of(expiryYear, expiryMonth).isBefore(now);
    }

    public boolean expiryMatches(int month, int year) {
        return month == expiryMonth && year == expiryYear;
    }

    public String accountId() {
        return accountId;
    }

    public String pan() {
        return pan;
    }

    public String panMasked() {
        return CardNumbers.mask(pan);
    }

    public String holderName() {
        return holderName;
    }

    public CardType cardType() {
        return cardType;
    }

    public String bankName() {
        return bankName;
    }

    public int expiryMonth() {
        return expiryMonth;
    }

    public int expiryYear() {
        return expiryYear;
    }

    public String currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
