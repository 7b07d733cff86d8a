package com.platepay.banksim.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    private static boolean compacted(StateFile file) throws Exception {
        return file.read().tombstones().size() >= 5 && Files.readAllLines(file.journalPath()).size() < 7;
    }
}
