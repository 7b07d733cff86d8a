package com.platepay.banksim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionTest {

    @Test
    void aLongJournalIsFoldedIntoTheSnapshotAndNothingIsLost(@TempDir Path dir) throws Exception {
        StateFile file = new StateFile(dir.resolve("bank-state.json"));
        BankStore store = BankStore.persistent(file, 5);
        // 7 changes past a threshold of 5: exactly one background snapshot, so none runs after the reopen below.
        for (int i = 0; i < 7; i++) {
            String key = "key-" + i;
            store.change(() -> {
                store.tombstones().put(key, Instant.EPOCH);
                return BankStore.Change.of(null, JournalEntry.tombstoned(key, Instant.EPOCH.toString()));
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!compacted(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(compacted(file), "a background snapshot was written and the journal emptied");

        // No clean stop: the next start replays only what the snapshot does not hold.
        BankStore reopened = BankStore.persistent(file, 5);
        assertEquals(7, reopened.tombstones().size());
        assertEquals(7, file.read().tombstones().size());
        reopened.close();
    }

    /**
     * A snapshot is written outside the bank's exclusive lock: a debit made while one is on its way to disk neither
     * waits for it (the open-loop benchmark's stalls of seconds were every debit queued behind a whole snapshot and its
     * fsync) nor is lost when the journal is trimmed after it.
     */
    @Test
    void changesGoOnWhileASnapshotIsWrittenAndSurviveTheTrim(@TempDir Path dir) throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StateFile file = new StateFile(dir.resolve("bank-state.json")) {
            @Override
            public void write(StateSnapshot snapshot) {
                if (snapshot.tombstones() != null && snapshot.tombstones().size() == 1) {
                    writing.countDown();
                    await(release);
                }
                super.write(snapshot);
            }
        };
        BankStore store = BankStore.persistent(file, 1);
        tombstone(store, "key-before");   // queues a snapshot holding this one change, held open above
        assertTrue(writing.await(30, TimeUnit.SECONDS), "the background snapshot started");
        CompletableFuture<Void> during = CompletableFuture.runAsync(() -> tombstone(store, "key-during"));
        during.get(30, TimeUnit.SECONDS);   // before the fix: blocked behind the snapshot's exclusive lock
        release.countDown();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Files.readString(file.journalPath()).contains("key-before") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(!Files.readString(file.journalPath()).contains("key-before"), "the journal was trimmed to what the snapshot lacks");

        // No clean stop: the change made during the snapshot is only in the trimmed journal.
        BankStore reopened = BankStore.persistent(new StateFile(dir.resolve("bank-state.json")), 1_000);
        assertEquals(java.util.Set.of("key-before", "key-during"), reopened.tombstones().keySet());
        reopened.close();
    }

    private static void tombstone(BankStore store, String key) {
        store.change(() -> {
            store.tombstones().put(key, Instant.EPOCH);
            return BankStore.Change.of(null, JournalEntry.tombstoned(key, Instant.EPOCH.toString()));
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean compacted(StateFile file) throws Exception {
        return file.read().tombstones().size() >= 5 && Files.readAllLines(file.journalPath()).size() < 7;
    }
}
