package com.platepay.banksim.state;

import com.platepay.banksim.accounts.Account;
import com.platepay.banksim.accounts.CardType;
import com.platepay.banksim.debits.DebitRecord;
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
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Everything the bank knows, in memory, optionally mirrored to a state file after every change.
 * Changes run under the shared side of a read-write lock (many at once, each still synchronised per account);
 * taking a snapshot for the file takes the exclusive side, so the file always holds a consistent bank.
 */
public final class BankStore {
    private final ConcurrentMap<String, Account> accountsById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Account> accountsByPan = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DebitRecord> debits = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> tombstones = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object persistMutex = new Object();
    private final StateFile file;

    private BankStore(StateFile file) {
        this.file = file;
    }

    public static BankStore inMemory() {
        return new BankStore(null);
    }

    /** Loads the file if it exists; every later change is written back to it. */
    public static BankStore persistent(StateFile file) throws IOException {
        BankStore store = new BankStore(file);
        StateSnapshot snapshot = file.read();
        if (snapshot != null) {
            for (AccountState a : nullToEmpty(snapshot.accounts())) {
                Account account = new Account(a.accountId(), a.pan(), a.holderName(), CardType.valueOf(a.cardType()),
                        a.bankName(), a.expiryMonth(), a.expiryYear(), a.balance(), a.currency(), Instant.parse(a.createdAt()));
                store.accountsById.put(account.accountId(), account);
                store.accountsByPan.put(account.pan(), account);
            }
            for (StateSnapshot.DebitState d : nullToEmpty(snapshot.debits())) {
                store.debits.put(d.idempotencyKey(), DebitRecord.fromState(d));
            }
            for (TombstoneState t : nullToEmpty(snapshot.tombstones())) {
                store.tombstones.put(t.idempotencyKey(), Instant.parse(t.createdAt()));
            }
        }
        return store;
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

    /** Runs a change, then writes the state file (when there is one). */
    public <T> T change(Supplier<T> change) {
        T result;
        lock.readLock().lock();
        try {
            result = change.get();
        } finally {
            lock.readLock().unlock();
        }
        persist();
        return result;
    }

    /** Writes the state file now. Serialised, so a newer snapshot is never overwritten by an older one. */
    public void persist() {
        if (file == null) {
            return;
        }
        synchronized (persistMutex) {
            StateSnapshot snapshot;
            lock.writeLock().lock();
            try {
                snapshot = snapshot();
            } finally {
                lock.writeLock().unlock();
            }
            file.write(snapshot);
        }
    }

    private StateSnapshot snapshot() {
        List<AccountState> accounts = new ArrayList<>();
        for (Account a : accountsById.values()) {
            accounts.add(new AccountState(a.accountId(), a.pan(), a.holderName(), a.cardType().name(), a.bankName(),
                    a.expiryMonth(), a.expiryYear(), a.balance(), a.currency(), a.createdAt().toString()));
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
        return new StateSnapshot(StateSnapshot.CURRENT_VERSION, accounts, debitStates, tombstoneStates);
    }
}
