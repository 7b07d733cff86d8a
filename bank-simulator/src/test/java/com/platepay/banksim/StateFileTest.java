package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.banksim.TestBank.Card;
import com.platepay.banksim.TestBank.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @Test
    void accountsDebitsReversalsAndTombstonesSurviveARestart(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("nested").resolve("bank-state.json");
        Card card;
        String debitId;
        try (TestBank bank = new TestBank(state)) {
            card = bank.openAccount("DEBIT", 200_000);
            debitId = bank.debit("chg_kept", card, 12_850).text("debitId");
            bank.debit("chg_undone", card, 1_000);
            bank.reverse("chg_undone");
            bank.reverse("chg_stopped");
            assertTrue(Files.exists(state));
        }
        try (Stream files = new Stream(dir.resolve("nested"))) {
            assertEquals(2, files.count(), "the snapshot and its journal; no temporary files are left behind");
        }
        assertEquals(0, Files.size(journal(state)), "a clean stop leaves everything in the snapshot");

        try (TestBank bank = new TestBank(state)) {
            assertEquals(187_150, bank.balance(card));
            Response kept = bank.get("/v1/debits/chg_kept");
            assertEquals("APPROVED", kept.text("status"));
            assertEquals(debitId, kept.text("debitId"));
            assertEquals(debitId, bank.debit("chg_kept", card, 12_850).text("debitId"));
            assertEquals(187_150, bank.balance(card));
            assertEquals("REVERSED", bank.get("/v1/debits/chg_undone").text("status"));
            assertEquals("REVERSED", bank.reverse("chg_undone").text("status"));
            assertEquals(187_150, bank.balance(card));
            assertEquals("REVERSED_BEFORE_AUTHORISATION", bank.debit("chg_stopped", card, 500).text("declineCode"));
            assertEquals(409, bank.post("/v1/accounts", TestBank.account(card.pan(), "DEBIT", 1, "CNY", 12, 2031)).status());
            assertEquals(card.accountId(),
                    bank.post("/v1/accounts/lookup", java.util.Map.of("pan", card.pan())).text("accountId"));
            bank.debit("chg_more", card, 150);
        }
        try (TestBank bank = new TestBank(state)) {
            assertEquals(187_000, bank.balance(card));
            assertEquals(4, bank.get("/v1/debits?accountId=" + card.accountId()).body().size());
        }
        var json = TestBank.JSON.readTree(state.toFile());
        assertEquals(0, json.get("tombstones").size(), "a tombstone is used up by the debit it stopped");
        assertFalse(json.get("debits").toString().contains(card.pan()), "debits keep only the masked number");
    }

    @Test
    void aBankThatDiesWithoutAFinalSnapshotReplaysItsJournal(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("live").resolve("bank-state.json");
        Path crashed = dir.resolve("crashed").resolve("bank-state.json");
        Card card;
        try (TestBank bank = new TestBank(state)) {
            card = bank.openAccount("DEBIT", 200_000);
            bank.debit("chg_kept", card, 12_850);
            bank.debit("chg_undone", card, 1_000);
            bank.reverse("chg_undone");
            bank.reverse("chg_stopped");
            bank.debit("chg_poor", card, 999_999);
            // What a kill -9 leaves: the snapshot written at start and the journal fsync'd before each answer.
            Files.createDirectories(crashed.getParent());
            Files.copy(state, crashed);
            Files.copy(journal(state), journal(crashed));
        }
        // A line torn by the crash is cut off, not fatal.
        Files.writeString(journal(crashed), "{\"seq\":99,\"type\":\"DEB", java.nio.file.StandardOpenOption.APPEND);

        try (TestBank bank = new TestBank(crashed)) {
            assertEquals(0, Files.size(journal(crashed)), "the replayed journal is folded into a new snapshot at start");
            assertEquals(187_150, bank.balance(card));
            assertEquals("APPROVED", bank.get("/v1/debits/chg_kept").text("status"));
            assertEquals("REVERSED", bank.get("/v1/debits/chg_undone").text("status"));
            assertEquals("INSUFFICIENT_FUNDS", bank.get("/v1/debits/chg_poor").text("declineCode"));
            assertEquals("REVERSED_BEFORE_AUTHORISATION", bank.debit("chg_stopped", card, 500).text("declineCode"));
            assertEquals(187_150, bank.balance(card));
        }
    }

    @Test
    void aJournalDamagedBeforeItsEndStopsTheBankFromStarting(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("bank-state.json");
        try (TestBank bank = new TestBank(state)) {
            bank.openAccount("DEBIT", 100);
        }
        Files.writeString(journal(state), "not json\n{\"seq\":1,\"type\":\"TOMBSTONED\",\"key\":\"k\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
        java.io.IOException failure = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> new TestBank(state));
        assertTrue(failure.getMessage().contains("damaged"), failure.getMessage());
    }

    private static Path journal(Path state) {
        return state.resolveSibling(state.getFileName() + ".journal");
    }

    @Test
    void withoutAStateFileNothingIsKept() throws Exception {
        Card card;
        try (TestBank bank = new TestBank()) {
            card = bank.openAccount("DEBIT", 100);
        }
        try (TestBank bank = new TestBank()) {
            assertEquals(404, bank.get("/v1/accounts/" + card.accountId()).status());
        }
    }

    /** Files in a folder, closed after use. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> files;

        Stream(Path dir) throws java.io.IOException {
            files = Files.list(dir);
        }

        long count() {
            return files.count();
        }

        @Override
        public void close() {
            files.close();
        }
    }
}
