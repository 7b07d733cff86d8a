package com.platepay.banksim.refunds;

import com.platepay.banksim.BankException;
import com.platepay.banksim.accounts.Account;
import com.platepay.banksim.debits.DebitRecord;
import com.platepay.banksim.debits.DebitStatus;
import com.platepay.banksim.state.BankStore;
import com.platepay.banksim.state.BankStore.Change;
import com.platepay.banksim.state.JournalEntry;
import com.platepay.banksim.state.StateSnapshot;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refunds of approved debits, keyed by the client's idempotency key (its own, not the debit's). A debit is never
 * refunded beyond its amount: the check and the money movement happen together under the account's monitor.
 * One request per key at a time (a second meanwhile gets 409 IN_PROGRESS), as for debits.
 *
 * <p>Every answer, declined ones included, is journaled (state.BankStore, fsync'd before the answer goes out) with the
 * money it gave back, and kept in the state file's snapshots, so a bank restarted with --state still knows its refunds,
 * answers a repeat of a key the same, and lists them in the settlement file.
 */
public final class RefundService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BankStore store;
    private final Clock clock;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    public RefundService(BankStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record RefundRequest(String debitKey, long amount, String currency, String reference) {
    }

    public RefundRecord refund(String key, RefundRequest request, long processingMillis) throws InterruptedException {
        if (!inProgress.add(key)) {
            throw new BankException(409, "IN_PROGRESS", "Request in progress",
                    "a request with idempotency key " + key + " is still being processed; retry later");
        }
        try {
            if (processingMillis > 0) {
                Thread.sleep(processingMillis);
            }
            RefundRecord existing = stored(key);
            if (existing != null) {
                if (!existing.sameRequest(request.debitKey(), request.amount())) {
                    throw new BankException(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
                            "idempotency key " + key + " was already used for a different refund");
                }
                return existing;
            }
            return store.change(() -> {
                RefundRecord answered = decide(key, request);
                // Under the bank's change lock: the snapshot that follows, or the journal line, holds it with its money.
                store.refunds().put(key, answered.toState());
                return Change.of(answered, JournalEntry.refunded(answered.toState()));
            });
        } finally {
            inProgress.remove(key);
        }
    }

    private RefundRecord decide(String key, RefundRequest request) {
        DebitRecord debit = store.debits().get(request.debitKey());
        if (debit == null) {
            return declined(key, request, null, "DEBIT_NOT_FOUND");
        }
        if (debit.status() != DebitStatus.APPROVED) {
            return declined(key, request, debit, "DEBIT_NOT_REFUNDABLE");
        }
        if (!debit.currency().equals(request.currency())) {
            return declined(key, request, debit, "CURRENCY_MISMATCH");
        }
        Account account = store.accountsById().get(debit.accountId());
        synchronized (account) {
            long refunded = store.refunds().values().stream()
                    .filter(r -> "SUCCEEDED".equals(r.status()) && r.debitKey().equals(request.debitKey()))
                    .mapToLong(StateSnapshot.RefundState::amount).sum();
            if (refunded + request.amount() > debit.amount()) {
                return declined(key, request, debit, "REFUND_EXCEEDS_DEBIT");
            }
            account.deposit(request.amount());
            RefundRecord done = new RefundRecord(newId(), key, request.debitKey(), debit.accountId(), debit.merchantId(),
                    request.amount(), request.currency(), request.reference(), RefundRecord.Status.SUCCEEDED, null, now());
            // Put while holding the monitor, so the next refund of this debit counts this one.
            store.refunds().put(key, done.toState());
            return done;
        }
    }

    private RefundRecord declined(String key, RefundRequest request, DebitRecord debit, String code) {
        return new RefundRecord(newId(), key, request.debitKey(), debit == null ? null : debit.accountId(),
                debit == null ? null : debit.merchantId(), request.amount(), request.currency(), request.reference(),
                RefundRecord.Status.DECLINED, code, now());
    }

    public RefundRecord find(String key) {
        RefundRecord record = stored(key);
        if (record == null) {
            throw BankException.notFound("REFUND_NOT_FOUND", "no refund with idempotency key " + key);
        }
        return record;
    }

    public Collection<RefundRecord> all() {
        return store.refunds().values().stream().map(RefundRecord::fromState).toList();
    }

    private RefundRecord stored(String key) {
        StateSnapshot.RefundState state = store.refunds().get(key);
        return state == null ? null : RefundRecord.fromState(state);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String newId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return "rfd_" + HexFormat.of().formatHex(id);
    }
}
