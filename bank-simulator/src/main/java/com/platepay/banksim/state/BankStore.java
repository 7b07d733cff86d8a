package com.platepay.banksim.state;

import com.platepay.banksim.accounts.Account;
import com.platepay.banksim.accounts.CardType;
import com.platepay.banksim.debits.DebitRecord;
import com.platepay.banksim.debits.DebitStatus;
import com.platepay.banksim.state.StateSnapshot.AccountState;
import com.platepay.banksim.state.StateSnapshot.TombstoneState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Everything the bank knows, in memory, optionally kept on disk as a snapshot (the state file) plus an append-only
 * journal of the changes since. A change is answered only after its journal line is fsync'd; every
 * {@link #COMPACT_AFTER} entries (and at start and stop) a background thread writes a new snapshot and trims the
 * journal to what the snapshot lacks. Changes run under the shared side of a read-write lock (many at once, each
 * still synchronised per account); a snapshot is copied in memory under the exclusive side, so it holds a consistent
 * bank and the journal's last sequence number at that moment, and written to disk after the lock is released, so
 * changes wait for the copy only, not for the write and its fsync.
 */
public final class BankStore implements AutoCloseable {
    static final int COMPACT_AFTER = 10_000;

    private final ConcurrentMap<String, Account> accountsById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Account> accountsByPan = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DebitRecord> debits = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> tombstones = new ConcurrentHashMap<>();
    /** Refunds by the client's idempotency key (refunds.RefundService decides them; kept here so they are journaled). */
    private final ConcurrentMap<String, StateSnapshot.RefundState> refunds = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object snapshotMutex = new Object();
    private final StateFile file;
    private final Journal journal;
    private final ExecutorService compactor;
    private final int compactAfter;
    private final AtomicBoolean compactionQueued = new AtomicBoolean();

    /** A change's result and the journal entries that replay it (none when it changed nothing). */
    public record Change<T>(T result, List<JournalEntry> entries) {
        public static <T> Change<T> none(T result) {
            return new Change<>(result, List.of());
        }

        public static <T> Change<T> of(T result, JournalEntry entry) {
            return new Change<>(result, List.of(entry));
        }
    }

    private BankStore(StateFile file, Journal journal, int compactAfter) {
        this.file = file;
        this.journal = journal;
        this.compactAfter = compactAfter;
        this.compactor = journal == null ? null : Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "bank-snapshot");
            t.setDaemon(true);
            return t;
        });
    }

    public static BankStore inMemory() {
        return new BankStore(null, null, COMPACT_AFTER);
    }

    /** Loads the snapshot if it exists, replays the journal onto it, and writes a fresh snapshot. */
    public static BankStore persistent(StateFile file) throws IOException {
        return persistent(file, COMPACT_AFTER);
    }

    static BankStore persistent(StateFile file, int compactAfter) throws IOException {
        StateSnapshot snapshot = file.read();
        long snapshotSeq = snapshot == null ? 0 : snapshot.journalSeq();
        Journal.Opened opened = Journal.open(file.journalPath(), snapshotSeq);
        BankStore store = new BankStore(file, opened.journal(), compactAfter);
        if (snapshot != null) {
            store.load(snapshot);
        }
        for (JournalEntry entry : opened.entries()) {
            if (entry.seq() > snapshotSeq) {
                store.replay(entry);
            }
        }
        if (!opened.entries().isEmpty() || snapshot == null || snapshot.version() != StateSnapshot.CURRENT_VERSION) {
            store.persist();
        }
        return store;
    }

    private void load(StateSnapshot snapshot) {
        for (AccountState a : nullToEmpty(snapshot.accounts())) {
            putAccount(a);
        }
        for (StateSnapshot.DebitState d : nullToEmpty(snapshot.debits())) {
            debits.put(d.idempotencyKey(), DebitRecord.fromState(d));
        }
        for (TombstoneState t : nullToEmpty(snapshot.tombstones())) {
            tombstones.put(t.idempotencyKey(), Instant.parse(t.createdAt()));
        }
        for (StateSnapshot.RefundState r : nullToEmpty(snapshot.refunds())) {
            refunds.put(r.idempotencyKey(), r);
        }
    }

    private void replay(JournalEntry entry) {
        switch (entry.type()) {
            case OPENED -> putAccount(entry.account());
            case DEBITED -> {
                DebitRecord debit = DebitRecord.fromState(entry.debit());
                debits.put(debit.idempotencyKey(), debit);
                tombstones.remove(debit.idempotencyKey());
                if (debit.originalStatus() == DebitStatus.APPROVED) {
                    accountsById.get(debit.accountId()).replayMovement(-debit.amount());
                }
            }
            case REVERSED -> {
                DebitRecord debit = debits.get(entry.key());
                debit.markReversed(Instant.parse(entry.at()));
                accountsById.get(debit.accountId()).replayMovement(debit.amount());
            }
            case TOMBSTONED -> tombstones.putIfAbsent(entry.key(), Instant.parse(entry.at()));
            case REFUNDED -> {
                StateSnapshot.RefundState refund = entry.refund();
                // A key is answered once (RefundService), so a replayed line is never a second movement.
                if (refunds.putIfAbsent(refund.idempotencyKey(), refund) == null && "SUCCEEDED".equals(refund.status())) {
                    accountsById.get(refund.accountId()).replayMovement(refund.amount());
                }
            }
        }
    }

    private void putAccount(AccountState a) {
        Account account = new Account(a.accountId(), a.pan(), a.holderName(), CardType.valueOf(a.cardType()),
                a.bankName(), a.expiryMonth(), a.expiryYear(), a.balance(), a.currency(), Instant.parse(a.createdAt()));
        accountsById.put(account.accountId(), account);
        accountsByPan.put(account.pan(), account);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    public ConcurrentMap<String, Account> accountsById() {
        return accountsById;
    }

    public ConcurrentMap<String, Account> accountsByPan() {
        return accountsByPan;
    }

    public ConcurrentMap<String, DebitRecord> debits() {
        return debits;
    }

    public ConcurrentMap<String, Instant> tombstones() {
        return tombstones;
    }

    public ConcurrentMap<String, StateSnapshot.RefundState> refunds() {
        return refunds;
    }

    /** Runs a change, journals it, and returns once the journal line is on disk (when there is a state file). */
    public <T> T change(Supplier<Change<T>> change) {
        Change<T> done;
        long seq = 0;
        lock.readLock().lock();
        try {
            done = change.get();
            if (journal != null && !done.entries().isEmpty()) {
                seq = journal.append(done.entries());
            }
        } finally {
            lock.readLock().unlock();
        }
        if (seq > 0) {
            journal.sync(seq);
            if (journal.entriesSinceReset() >= compactAfter && compactionQueued.compareAndSet(false, true)) {
                // Cleared only once the snapshot is written, so changes made meanwhile queue no second one.
                compactor.execute(() -> {
                    try {
                        persist();
                    } finally {
                        compactionQueued.set(false);
                    }
                });
            }
        }
        return done.result();
    }

    /**
     * Writes a snapshot of everything and trims the journal to the changes made since. Serialised, so an older
     * snapshot never wins. Changes made while it is written go on, into the journal after {@code heldUpTo}.
     */
    public void persist() {
        if (file == null) {
            return;
        }
        synchronized (snapshotMutex) {
            StateSnapshot snapshot;
            long heldUpTo;
            lock.writeLock().lock();
            try {
                snapshot = snapshot(journal.lastSeq());
                heldUpTo = journal.endOffset();
            } finally {
                lock.writeLock().unlock();
            }
            file.write(snapshot);
            journal.dropBefore(heldUpTo);
        }
    }

    /** Writes a last snapshot and closes the journal. */
    @Override
    public void close() {
        if (file == null) {
            return;
        }
        compactor.shutdown();
        persist();
        journal.close();
    }

    private StateSnapshot snapshot(long journalSeq) {
        List<AccountState> accounts = new ArrayList<>();
        for (Account a : accountsById.values()) {
            accounts.add(AccountState.of(a));
        }
        accounts.sort(Comparator.comparing(AccountState::createdAt).thenComparing(AccountState::accountId));
        List<StateSnapshot.DebitState> debitStates = new ArrayList<>();
        for (DebitRecord d : debits.values()) {
            debitStates.add(d.toState());
        }
        debitStates.sort(Comparator.comparing(StateSnapshot.DebitState::createdAt).thenComparing(StateSnapshot.DebitState::debitId));
        List<TombstoneState> tombstoneStates = new ArrayList<>();
        for (Map.Entry<String, Instant> t : tombstones.entrySet()) {
            tombstoneStates.add(new TombstoneState(t.getKey(), t.getValue().toString()));
        }
        tombstoneStates.sort(Comparator.comparing(TombstoneState::createdAt).thenComparing(TombstoneState::idempotencyKey));
        List<StateSnapshot.RefundState> refundStates = new ArrayList<>(refunds.values());
        refundStates.sort(Comparator.comparing(StateSnapshot.RefundState::createdAt).thenComparing(StateSnapshot.RefundState::refundId));
        return new StateSnapshot(StateSnapshot.CURRENT_VERSION, journalSeq, accounts, debitStates, tombstoneStates, refundStates);
    }
}
