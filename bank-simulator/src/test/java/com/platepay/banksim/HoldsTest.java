package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.platepay.banksim.TestBank.Card;
import com.platepay.banksim.TestBank.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds with the debits' rules: idempotent per key, held funds unavailable, completion for less, void, faults, restart. */
class HoldsTest {

    static Response hold(TestBank bank, String key, Card card, long amount) throws IOException {
        return bank.post("/v1/holds", TestBank.debitBody(card, amount), key, Duration.ofSeconds(30));
    }

    static Response complete(TestBank bank, String key, long amount) throws IOException {
        return bank.post("/v1/holds/" + key + "/completion", Map.of("amount", amount));
    }

    @Test
    void aHoldCompletedForLessTakesOnlyThatAndAVoidReleasesEverything() throws Exception {
        try (TestBank bank = new TestBank()) {
            Card card = bank.openAccount("DEBIT", 10_000);
            Response held = hold(bank, "h1", card, 6_632);
            assertEquals("HELD", held.text("status"));
            assertEquals(6, held.text("approvalCode").length());
            assertEquals(10_000, bank.balance(card), "a hold moves no money");
            assertEquals("INSUFFICIENT_FUNDS", hold(bank, "h2", card, 4_000).text("declineCode"), "held funds are not available");
            assertEquals(held.text("holdId"), hold(bank, "h1", card, 6_632).text("holdId"), "a repeat gets the stored hold");
            assertEquals(422, hold(bank, "h1", card, 6_000).status(), "a reused key with another body");

            assertEquals("DECLINED", complete(bank, "h1", 6_633).text("status"));
            assertEquals("AMOUNT_ABOVE_HOLD", complete(bank, "h1", 6_633).text("declineCode"));
            assertEquals("COMPLETED", complete(bank, "h1", 5_040).text("status"));
            assertEquals("COMPLETED", complete(bank, "h1", 5_040).text("status"), "a repeated advice is answered again");
            assertEquals(10_000 - 5_040, bank.balance(card), "taken once");
            assertEquals("HELD", hold(bank, "h3", card, 4_960).text("status"), "the rest is available again");
            assertEquals("VOIDED", bank.post("/v1/holds/h3/void", "").text("status"));
            assertEquals("VOIDED", bank.post("/v1/holds/h3/void", "").text("status"));
            assertEquals("DECLINED", complete(bank, "h3", 100).text("status"), "a voided hold takes nothing");
            assertEquals(10_000 - 5_040, bank.balance(card));
            assertEquals("COMPLETED", bank.post("/v1/holds/h1/void", "").text("status"), "a void cannot undo a completion");
        }
    }

    @Test
    void aVoidBeforeItsHoldStopsTheLateHold() throws Exception {
        try (TestBank bank = new TestBank()) {
            Card card = bank.openAccount("DEBIT", 10_000);
            assertEquals("NOTHING_TO_VOID", bank.post("/v1/holds/late/void", "").text("status"));
            assertEquals("REVERSED_BEFORE_AUTHORISATION", hold(bank, "late", card, 1_000).text("declineCode"));
        }
    }

    @Test
    void faultsApplyToHoldsAsToDebits() throws Exception {
        try (TestBank bank = new TestBank()) {
            Card card = bank.openAccount("DEBIT", 10_000);
            bank.setFaults("{\"rules\":[{\"on\":\"HOLD\",\"mode\":\"ERROR_500\"},{\"on\":\"COMPLETION\",\"mode\":\"TIMEOUT_AFTER_PROCESSING\",\"delayMs\":3000}]}");
            assertEquals(500, hold(bank, "f1", card, 1_000).status(), "not processed");
            assertEquals("HELD", hold(bank, "f1", card, 1_000).text("status"));
            assertThrows(IOException.class, () -> bank.post("/v1/holds/f1/completion", "{\"amount\":700}", null, Duration.ofMillis(500)),
                    "the answer is held back");
            assertEquals("COMPLETED", complete(bank, "f1", 700).text("status"), "it was processed: the repeat says so");
            assertEquals(9_300, bank.balance(card));
        }
    }

    @Test
    void holdsSurviveARestart(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("bank-state.json");
        Card card;
        try (TestBank bank = new TestBank(state)) {
            card = bank.openAccount("DEBIT", 10_000);
            hold(bank, "kept", card, 3_000);
            hold(bank, "taken", card, 3_000);
            complete(bank, "taken", 2_500);
            bank.post("/v1/holds/stopped/void", "");
        }
        try (TestBank bank = new TestBank(state)) {
            assertEquals(7_500, bank.balance(card));
            assertEquals("HELD", bank.get("/v1/holds/kept").text("status"));
            assertEquals("INSUFFICIENT_FUNDS", hold(bank, "more", card, 5_000).text("declineCode"), "the kept hold still holds");
            assertEquals("COMPLETED", complete(bank, "taken", 2_500).text("status"));
            assertEquals(7_500, bank.balance(card), "and was not taken twice");
            assertEquals("REVERSED_BEFORE_AUTHORISATION", hold(bank, "stopped", card, 100).text("declineCode"));
        }
    }
}
