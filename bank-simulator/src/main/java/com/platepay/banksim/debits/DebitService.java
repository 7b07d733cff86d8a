package com.platepay.banksim.debits;

import com.platepay.banksim.BankException;
import com.platepay.banksim.accounts.Account;
import com.platepay.banksim.accounts.CardNumbers;
import com.platepay.banksim.accounts.CardType;
import com.platepay.banksim.accounts.FleetAccounts;
import com.platepay.banksim.state.BankStore;
import com.platepay.banksim.state.BankStore.Change;
import com.platepay.banksim.state.JournalEntry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Debits, inquiries and reversals, keyed by the client's idempotency key.
 * Only one request per key is processed at a time (a second one meanwhile gets 409 IN_PROGRESS);
 * money moves inside the account's monitor together with the debit's status.
 */
public final class DebitService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BankStore store;
    private final Clock clock;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    private final FleetAccounts fleet;

    public DebitService(BankStore store, Clock clock) {
        this(store, clock, null);
    }

    /** @param fleet opens benchmark fleet accounts on first use; null for none */
    public DebitService(BankStore store, Clock clock, FleetAccounts fleet) {
        this.store = store;
        this.clock = clock;
        this.fleet = fleet;
    }

    public enum ReversalStatus {
        REVERSED, NOTHING_TO_REVERSE
    }

    public record Reversal(String idempotencyKey, ReversalStatus status, long amount, String currency) {
    }

    /**
     * Debits the card, or answers the stored result for a repeated key.
     *
     * @param processingMillis simulated processing time (fault latency), spent while holding the key
     */
    public DebitRecord debit(String key, DebitRequest request, long processingMillis) throws InterruptedException {
        String fingerprint = request.fingerprint();
        if (fleet != null) {
            fleet.ensure(request.pan(), request.expiryMonth(), request.expiryYear());
        }
        claim(key);
        try {
            if (processingMillis > 0) {
                Thread.sleep(processingMillis);
            }
            DebitRecord existing = store.debits().get(key);
            if (existing != null) {
                if (!existing.fingerprint().equals(fingerprint)) {
                    throw new BankException(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
                            "idempotency key " + key + " was already used for a different debit");
                }
                return existing;
            }
            return store.change(() -> {
                DebitRecord answered = authorise(key, fingerprint, request);
                return Change.of(answered, JournalEntry.debited(answered.toState()));
            });
        } finally {
            inProgress.remove(key);
        }
    }

    private DebitRecord authorise(String key, String fingerprint, DebitRequest request) {
        Account account = store.accountsByPan().get(request.pan());
        if (store.tombstones().containsKey(key)) {
            DebitRecord declined = decline(key, fingerprint, account, request, DeclineCode.REVERSED_BEFORE_AUTHORISATION);
            store.tombstones().remove(key);
            return declined;
        }
        if (account == null) {
            return decline(key, fingerprint, null, request, DeclineCode.CARD_NOT_FOUND);
        }
        synchronized (account) {
            DeclineCode refusal = null;
            if (account.cardType() != CardType.DEBIT) {
                refusal = DeclineCode.NOT_DEBIT_CARD;
            } else if (!account.expiryMatches(request.expiryMonth(), request.expiryYear())
                    || account.isExpired(YearMonth.now(clock))) {
                refusal = DeclineCode.EXPIRED_CARD;
            } else if (!account.currency().equals(request.currency())) {
                refusal = DeclineCode.CURRENCY_MISMATCH;
            } else if (!account.withdraw(request.amount())) {
                refusal = DeclineCode.INSUFFICIENT_FUNDS;
            }
            if (refusal != null) {
                return decline(key, fingerprint, account, request, refusal);
            }
            DebitRecord approved = new DebitRecord(newDebitId(), key, fingerprint, account.accountId(),
                    CardNumbers.mask(request.pan()), request.amount(), request.currency(), request.merchantId(),
                    request.reference(), DebitStatus.APPROVED, null, approvalCode(), now());
            store.debits().put(key, approved);
            return approved;
        }
    }

    private DebitRecord decline(String key, String fingerprint, Account account, DebitRequest request, DeclineCode code) {
        DebitRecord declined = new DebitRecord(newDebitId(), key, fingerprint, account == null ? null : account.accountId(),
                CardNumbers.mask(request.pan()), request.amount(), request.currency(), request.merchantId(),
                request.reference(), DebitStatus.DECLINED, code, null, now());
        store.debits().put(key, declined);
        return declined;
    }

    public DebitRecord find(String key) {
        DebitRecord record = store.debits().get(key);
        if (record == null) {
            throw BankException.notFound("DEBIT_NOT_FOUND", "no debit with idempotency key " + key);
        }
        return record;
    }

    /**
     * Reverses an approved debit once. A declined one has nothing to reverse; an unknown key leaves a tombstone
     * so a debit arriving later under that key is declined (REVERSED_BEFORE_AUTHORISATION) and moves no money.
     */
    public Reversal reverse(String key) {
        claim(key);
        try {
            DebitRecord record = store.debits().get(key);
            if (record == null) {
                store.change(() -> {
                    Instant at = now();
                    return store.tombstones().putIfAbsent(key, at) == null
                            ? Change.of(null, JournalEntry.tombstoned(key, at.toString())) : Change.none(null);
                });
                return new Reversal(key, ReversalStatus.NOTHING_TO_REVERSE, 0, null);
            }
            if (record.status() == DebitStatus.DECLINED) {
                return new Reversal(key, ReversalStatus.NOTHING_TO_REVERSE, 0, record.currency());
            }
            if (record.status() == DebitStatus.APPROVED) {
                store.change(() -> {
                    Account account = store.accountsById().get(record.accountId());
                    synchronized (account) {
                        if (record.status() != DebitStatus.APPROVED) {
                            return Change.none(null);
                        }
                        Instant at = now();
                        account.deposit(record.amount());
                        record.markReversed(at);
                        return Change.of(null, JournalEntry.reversed(key, at.toString()));
                    }
                });
            }
            return new Reversal(key, ReversalStatus.REVERSED, record.amount(), record.currency());
        } finally {
            inProgress.remove(key);
        }
    }

    public List<DebitRecord> ofAccount(String accountId) {
        return store.debits().values().stream()
                .filter(d -> accountId.equals(d.accountId()))
                .sorted(Comparator.comparing(DebitRecord::createdAt).thenComparing(DebitRecord::debitId))
                .toList();
    }

    private void claim(String key) {
        if (!inProgress.add(key)) {
            throw new BankException(409, "IN_PROGRESS", "Request in progress",
                    "a request with idempotency key " + key + " is still being processed; retry later");
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String newDebitId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return "dbt_" + HexFormat.of().formatHex(id);
    }

    private static String approvalCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
