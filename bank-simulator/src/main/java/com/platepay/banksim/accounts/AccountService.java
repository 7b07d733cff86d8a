package com.platepay.banksim.accounts;

import com.platepay.banksim.BankException;
import com.platepay.banksim.state.BankStore;
import com.platepay.banksim.state.BankStore.Change;
import com.platepay.banksim.state.JournalEntry;
import com.platepay.banksim.state.StateSnapshot.AccountState;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.security.SecureRandom;

/** Opens accounts, finds them, and verifies cards (a zero-amount account verification). */
public final class AccountService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BankStore store;
    private final Clock clock;

    public AccountService(BankStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record NewAccount(String pan, String holderName, CardType cardType, String bankName, int expiryMonth,
                             int expiryYear, long balance, String currency) {
    }

    public enum VerificationResult {
        VERIFIED, CARD_NOT_FOUND, EXPIRED
    }

    public record Verification(VerificationResult result, Account account) {
    }

    public Account open(NewAccount request) {
        return store.change(() -> {
            byte[] id = new byte[10];
            RANDOM.nextBytes(id);
            Account account = new Account("acc_" + HexFormat.of().formatHex(id), request.pan(), request.holderName(),
                    request.cardType(), request.bankName(), request.expiryMonth(), request.expiryYear(), request.balance(),
                    request.currency(), Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
            if (store.accountsByPan().putIfAbsent(account.pan(), account) != null) {
                throw new BankException(409, "ACCOUNT_EXISTS", "Account exists",
                        "an account already exists for card " + CardNumbers.mask(request.pan()));
            }
            store.accountsById().put(account.accountId(), account);
            return Change.of(account, JournalEntry.opened(AccountState.of(account)));
        });
    }

    public Account get(String accountId) {
        Account account = store.accountsById().get(accountId);
        if (account == null) {
            throw BankException.notFound("ACCOUNT_NOT_FOUND", "no account " + accountId);
        }
        return account;
    }

    public Optional<Account> byPan(String pan) {
        return Optional.ofNullable(store.accountsByPan().get(pan));
    }

    /** VERIFIED only for a known card whose expiry date matches and has not passed; a wrong expiry date answers EXPIRED. */
    public Verification verify(String pan, int expiryMonth, int expiryYear) {
        Account account = store.accountsByPan().get(pan);
        if (account == null) {
            return new Verification(VerificationResult.CARD_NOT_FOUND, null);
        }
        if (!account.expiryMatches(expiryMonth, expiryYear) || account.isExpired(YearMonth.now(clock))) {
            return new Verification(VerificationResult.EXPIRED, account);
        }
        return new Verification(VerificationResult.VERIFIED, account);
    }
}
