package com.platepay.banksim.accounts;

/**
 * For benchmarks with a million enrolled cards: a card number under {@code prefix} that the bank has never seen
 * gets an account with {@code balance} when it is first debited, instead of a million accounts opened up front.
 * Off unless the simulator is started with {@code --fleet-accounts PREFIX}.
 */
public final class FleetAccounts {
    private final String prefix;
    private final long balance;
    private final AccountService accounts;

    public FleetAccounts(String prefix, long balance, AccountService accounts) {
        this.prefix = prefix;
        this.balance = balance;
        this.accounts = accounts;
    }

    /**
     * Opens the card's account, with the expiry date the debit gives, when it is a fleet card without one; a
     * concurrent opening of the same one is fine.
     */
    public void ensure(String pan, int expiryMonth, int expiryYear) {
        if (prefix == null || pan == null || !pan.startsWith(prefix) || accounts.byPan(pan).isPresent()) {
            return;
        }
        try {
            accounts.open(new AccountService.NewAccount(pan, "Fleet Driver", CardType.DEBIT, "Fleet Bank", expiryMonth, expiryYear, balance, "CNY"));
        } catch (com.platepay.banksim.BankException e) {
            if (!"ACCOUNT_EXISTS".equals(e.code())) {
                throw e;
            }
        }
    }
}
