package com.platepay.banksim.holds;

import com.platepay.banksim.BankException;
import com.platepay.banksim.accounts.Account;
import com.platepay.banksim.accounts.CardNumbers;
import com.platepay.banksim.accounts.CardType;
import com.platepay.banksim.debits.DebitRecord;
import com.platepay.banksim.debits.DebitRequest;
import com.platepay.banksim.debits.DebitStatus;
import com.platepay.banksim.debits.DeclineCode;
import com.platepay.banksim.state.BankStore;
import com.platepay.banksim.state.BankStore.Change;
import com.platepay.banksim.state.JournalEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds (pre-authorisations), their completion and their void, keyed by the client's idempotency key with the
 * same rules as debits: one request per key at a time (409 IN_PROGRESS), a repeat gets the stored answer, a
 * reused key with another body is refused, a void before its hold leaves a tombstone so the late hold is declined.
 * Held funds stay in the balance but are not available to debits' sibling holds; a completion takes its amount as a
 * debit (under {@link #completionKey}, in the bank's own journal) and the rest is released.
 */
public final class HoldService implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum CompletionStatus { COMPLETED, DECLINED }

    public enum VoidStatus { VOIDED, NOTHING_TO_VOID, COMPLETED }

    public record Completion(String idempotencyKey, CompletionStatus status, String declineCode, long amount, String debitId) {
    }

    private final BankStore store;
    private final Clock clock;
    private final HoldJournal journal;
    private final Map<String, HoldRecord> holds = new ConcurrentHashMap<>();
    private final Set<String> tombstones = ConcurrentHashMap.newKeySet();
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    /** @param journalPath null keeps holds in memory only */
    public HoldService(BankStore store, Clock clock, Path journalPath) throws IOException {
        this.store = store;
        this.clock = clock;
        for (HoldJournal.Line line : HoldJournal.read(journalPath)) {
            switch (line.type()) {
                case "ANSWERED" -> holds.put(line.hold().idempotencyKey(), line.hold());
                case "COMPLETED" -> holds.computeIfPresent(line.key(), (k, h) -> h.completed(line.amount()));
                case "VOIDED" -> holds.computeIfPresent(line.key(), (k, h) -> h.voided());
                case "TOMBSTONED" -> tombstones.add(line.key());
                default -> { }
            }
        }
        // A completion whose debit was journalled but whose own line was not (a crash between the two) is complete.
        holds.replaceAll((key, h) -> {
            DebitRecord taken = store.debits().get(completionKey(key));
            return h.status() == HoldRecord.HoldStatus.HELD && taken != null ? h.completed(taken.amount()) : h;
        });
        this.journal = HoldJournal.open(journalPath);
    }

    /**
     * The debit a completion records its money movement under: the hold's own key, so the bank's settlement file names
     * the completion by the key the client placed the hold with (PlatePay records the charge under that id).
     */
    public static String completionKey(String holdKey) {
        return holdKey;
    }

    public HoldRecord authorize(String key, DebitRequest request, long processingMillis) throws InterruptedException {
        String fingerprint = request.fingerprint();
        claim(key);
        try {
            if (processingMillis > 0) {
                Thread.sleep(processingMillis);
            }
            HoldRecord existing = holds.get(key);
            if (existing != null) {
                if (!existing.fingerprint().equals(fingerprint)) {
                    throw new BankException(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
                            "idempotency key " + key + " was already used for a different hold");
                }
                return existing;
            }
            HoldRecord answered = decide(key, fingerprint, request);
            holds.put(key, answered);
            journal.append(new HoldJournal.Line("ANSWERED", answered, null, null, null));
            return answered;
        } finally {
            inProgress.remove(key);
        }
    }

    private HoldRecord decide(String key, String fingerprint, DebitRequest request) {
        Account account = store.accountsByPan().get(request.pan());
        if (tombstones.remove(key)) {
            return record(key, fingerprint, account, request, HoldRecord.HoldStatus.DECLINED, DeclineCode.REVERSED_BEFORE_AUTHORISATION);
        }
        if (account == null) {
            return record(key, fingerprint, null, request, HoldRecord.HoldStatus.DECLINED, DeclineCode.CARD_NOT_FOUND);
        }
        synchronized (account) {
            DeclineCode refusal = null;
            if (account.cardType() != CardType.DEBIT) {
                refusal = DeclineCode.NOT_DEBIT_CARD;
            } else if (!account.expiryMatches(request.expiryMonth(), request.expiryYear()) || account.isExpired(YearMonth.now(clock))) {
                refusal = DeclineCode.EXPIRED_CARD;
            } else if (!account.currency().equals(request.currency())) {
                refusal = DeclineCode.CURRENCY_MISMATCH;
            } else if (account.balance() - heldOn(account.accountId()) < request.amount()) {
                refusal = DeclineCode.INSUFFICIENT_FUNDS;
            }
            return record(key, fingerprint, account, request, refusal == null ? HoldRecord.HoldStatus.HELD : HoldRecord.HoldStatus.DECLINED,
                    refusal);
        }
    }

    /** The account's holds, oldest first. */
    public java.util.List<HoldRecord> ofAccount(String accountId) {
        return holds.values().stream().filter(h -> accountId.equals(h.accountId()))
                .sorted(java.util.Comparator.comparing(HoldRecord::createdAt)).toList();
    }

    /** Funds on the account that holds keep from other holds. */
    private long heldOn(String accountId) {
        return holds.values().stream().filter(h -> h.status() == HoldRecord.HoldStatus.HELD && accountId.equals(h.accountId()))
                .mapToLong(HoldRecord::amount).sum();
    }

    /** Takes {@code amount} (at most the hold) and releases the rest. A repeat with the same amount is answered again. */
    public Completion complete(String key, long amount) {
        claim(key);
        try {
            HoldRecord h = holds.get(key);
            if (h == null || h.status() == HoldRecord.HoldStatus.DECLINED || h.status() == HoldRecord.HoldStatus.VOIDED) {
                return new Completion(key, CompletionStatus.DECLINED, "ORIGINAL_NOT_FOUND", amount, null);
            }
            if (h.status() == HoldRecord.HoldStatus.COMPLETED) {
                DebitRecord taken = store.debits().get(completionKey(key));
                return h.captured() == amount ? new Completion(key, CompletionStatus.COMPLETED, null, amount, taken == null ? null : taken.debitId())
                        : new Completion(key, CompletionStatus.DECLINED, "ALREADY_COMPLETED", amount, null);
            }
            if (amount <= 0 || amount > h.amount()) {
                return new Completion(key, CompletionStatus.DECLINED, "AMOUNT_ABOVE_HOLD", amount, null);
            }
            Account account = store.accountsById().get(h.accountId());
            DebitRecord taken = store.change(() -> {
                synchronized (account) {
                    if (!account.withdraw(amount)) {
                        return Change.none(null);
                    }
                    DebitRecord d = new DebitRecord(id("dbt_"), completionKey(key), h.fingerprint(), h.accountId(), h.panMasked(), amount,
                            h.currency(), h.merchantId(), h.reference(), DebitStatus.APPROVED, null, h.approvalCode(), now());
                    store.debits().put(d.idempotencyKey(), d);
                    return Change.of(d, JournalEntry.debited(d.toState()));
                }
            });
            if (taken == null) {
                return new Completion(key, CompletionStatus.DECLINED, "INSUFFICIENT_FUNDS", amount, null);
            }
            holds.put(key, h.completed(amount));
            journal.append(new HoldJournal.Line("COMPLETED", null, key, amount, now().toString()));
            return new Completion(key, CompletionStatus.COMPLETED, null, amount, taken.debitId());
        } finally {
            inProgress.remove(key);
        }
    }

    /** Releases a hold. Before its hold arrived: a tombstone, so the late hold is declined and holds nothing. */
    public VoidStatus voidHold(String key) {
        claim(key);
        try {
            HoldRecord h = holds.get(key);
            if (h == null) {
                if (tombstones.add(key)) {
                    journal.append(new HoldJournal.Line("TOMBSTONED", null, key, null, now().toString()));
                }
                return VoidStatus.NOTHING_TO_VOID;
            }
            return switch (h.status()) {
                case HELD -> {
                    holds.put(key, h.voided());
                    journal.append(new HoldJournal.Line("VOIDED", null, key, null, now().toString()));
                    yield VoidStatus.VOIDED;
                }
                case VOIDED -> VoidStatus.VOIDED;
                case DECLINED -> VoidStatus.NOTHING_TO_VOID;
                case COMPLETED -> VoidStatus.COMPLETED;
            };
        } finally {
            inProgress.remove(key);
        }
    }

    public HoldRecord find(String key) {
        HoldRecord h = holds.get(key);
        if (h == null) {
            throw BankException.notFound("HOLD_NOT_FOUND", "no hold with idempotency key " + key);
        }
        return h;
    }

    private HoldRecord record(String key, String fingerprint, Account account, DebitRequest request, HoldRecord.HoldStatus status,
                              DeclineCode decline) {
        return new HoldRecord(id("hld_"), key, fingerprint, account == null ? null : account.accountId(), CardNumbers.mask(request.pan()),
                request.amount(), request.currency(), request.merchantId(), request.reference(), status,
                decline == null ? null : decline.name(), status == HoldRecord.HoldStatus.HELD ? String.format("%06d", RANDOM.nextInt(1_000_000)) : null,
                null, now().toString());
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

    private static String id(String prefix) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return prefix + HexFormat.of().formatHex(id);
    }

    @Override
    public void close() {
        journal.close();
    }
}
