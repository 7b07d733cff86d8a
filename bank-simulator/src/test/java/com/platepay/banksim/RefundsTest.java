package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.banksim.TestBank.Card;
import com.platepay.banksim.TestBank.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefundsTest {
    private TestBank bank;

    @BeforeEach
    void start() throws IOException {
        bank = new TestBank();
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    private Response refund(String key, String debitKey, long amount) throws IOException {
        return bank.post("/v1/refunds", Map.of("debitKey", debitKey, "amount", amount, "currency", "CNY"), key, Duration.ofSeconds(10));
    }

    @Test
    void aRefundGivesMoneyBackOnceUnderItsOwnKeyAndNeverBeyondTheDebit() throws IOException {
        Card card = bank.openAccount("DEBIT", 10_000);
        bank.debit("chg_r1", card, 4_000);
        for (int i = 0; i < 3; i++) {
            Response r = refund("rfd-1", "chg_r1", 1_500);
            assertEquals(200, r.status());
            assertEquals("SUCCEEDED", r.text("status"));
        }
        assertEquals(7_500, bank.balance(card));
        assertEquals(422, refund("rfd-1", "chg_r1", 1_000).status(), "a key reused for another refund");
        Response over = refund("rfd-2", "chg_r1", 2_600);
        assertEquals("DECLINED", over.text("status"));
        assertEquals("REFUND_EXCEEDS_DEBIT", over.text("declineCode"));
        assertEquals("SUCCEEDED", refund("rfd-3", "chg_r1", 2_500).text("status"));
        assertEquals(10_000, bank.balance(card));
        assertEquals("DEBIT_NOT_FOUND", refund("rfd-4", "chg_none", 100).text("declineCode"));
        assertEquals("SUCCEEDED", bank.get("/v1/refunds/rfd-3").text("status"));
    }

    @Test
    void aReversedDebitIsNotRefundedAndTheSettlementFileListsTheDay() throws IOException {
        Card card = bank.openAccount("DEBIT", 10_000);
        bank.post("/v1/debits", Map.of("pan", card.pan(), "expiryMonth", 12, "expiryYear", 2031, "amount", 3_000, "currency", "CNY",
                "merchantId", "site-a"), "chg_s1", Duration.ofSeconds(10));
        bank.post("/v1/debits", Map.of("pan", card.pan(), "expiryMonth", 12, "expiryYear", 2031, "amount", 2_000, "currency", "CNY",
                "merchantId", "site-a"), "chg_s2", Duration.ofSeconds(10));
        bank.post("/v1/debits", Map.of("pan", card.pan(), "expiryMonth", 12, "expiryYear", 2031, "amount", 700, "currency", "CNY",
                "merchantId", "site-b"), "chg_s3", Duration.ofSeconds(10));
        bank.reverse("chg_s2");
        assertEquals("DEBIT_NOT_REFUNDABLE", refund("rfd-s2", "chg_s2", 100).text("declineCode"));
        assertEquals("SUCCEEDED", refund("rfd-s1", "chg_s1", 1_000).text("status"));

        Response file = bank.get("/v1/settlement-files/site-a/" + LocalDate.now(ZoneOffset.UTC) + "?zone=UTC");
        assertEquals(200, file.status());
        List<String> lines = new ArrayList<>();
        for (JsonNode line : file.body().get("lines")) {
            lines.add(line.get("type").asText() + " " + line.get("key").asText() + " " + line.get("amount").asLong());
        }
        lines.sort(null);
        assertEquals(List.of("DEBIT chg_s1 3000", "DEBIT chg_s2 2000", "REFUND rfd-s1 1000", "REVERSAL chg_s2 2000"), lines);
        assertEquals(5_000, file.body().get("totals").get("DEBIT").asLong());
        assertEquals(0, bank.get("/v1/settlement-files/site-a/2001-01-01?zone=UTC").body().get("lines").size());
        assertEquals(400, bank.get("/v1/settlement-files/site-a/yesterday").status());
    }

    @Test
    void aRefundFaultEndsTheRequestUnprocessed() throws IOException {
        Card card = bank.openAccount("DEBIT", 10_000);
        bank.debit("chg_f1", card, 4_000);
        bank.setFaults("{\"rules\":[{\"on\":\"REFUND\",\"mode\":\"ERROR_500\",\"count\":1}]}");
        assertEquals(500, refund("rfd-f1", "chg_f1", 1_000).status());
        assertEquals(6_000, bank.balance(card));
        assertEquals("SUCCEEDED", refund("rfd-f1", "chg_f1", 1_000).text("status"));
        assertEquals(7_000, bank.balance(card));
    }

    private static Response refund(TestBank bank, String key, String debitKey, long amount) throws IOException {
        return bank.post("/v1/refunds", Map.of("debitKey", debitKey, "amount", amount, "currency", "CNY"), key, Duration.ofSeconds(10));
    }

    private static List<String> settlementLines(TestBank bank) throws IOException {
        Response file = bank.get("/v1/settlement-files/site-r/" + LocalDate.now(ZoneOffset.UTC) + "?zone=UTC");
        assertEquals(200, file.status());
        List<String> lines = new ArrayList<>();
        for (JsonNode line : file.body().get("lines")) {
            lines.add(line.get("type").asText() + " " + line.get("key").asText() + " " + line.get("amount").asLong());
        }
        lines.sort(null);
        return lines;
    }

    /**
     * Refunds are journaled with the money they gave back: a bank stopped cleanly (from its snapshot) and one that
     * crashed (its journal replayed onto the older snapshot) both still know them, answer a repeat of a key the
     * same without paying again, keep the cap, and list them in the settlement file.
     */
    @Test
    void refundsSurviveARestartAndACrash(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("bank-state.json");
        Path crashed = dir.resolve("crash").resolve("bank-state.json");
        Files.createDirectories(crashed.getParent());
        Card card;
        String refundId;
        try (TestBank bank = new TestBank(state)) {
            card = bank.openAccount("DEBIT", 10_000);
            bank.post("/v1/debits", Map.of("pan", card.pan(), "expiryMonth", 12, "expiryYear", 2031, "amount", 4_000, "currency", "CNY",
                    "merchantId", "site-r"), "chg_k1", Duration.ofSeconds(10));
            refundId = refund(bank, "rfd-k1", "chg_k1", 1_500).text("refundId");
            assertEquals("REFUND_EXCEEDS_DEBIT", refund(bank, "rfd-k2", "chg_k1", 3_000).text("declineCode"));
            assertEquals(7_500, bank.balance(card));
            // What a power cut would leave: the snapshot and the journal as they are now (each answer was fsync'd first).
            Files.copy(state, crashed, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(state.resolveSibling(state.getFileName() + ".journal"), crashed.resolveSibling(crashed.getFileName() + ".journal"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        for (Path restarted : List.of(state, crashed)) {
            try (TestBank bank = new TestBank(restarted)) {
                assertEquals(7_500, bank.balance(card), restarted + ": the money given back is kept, once");
                Response again = refund(bank, "rfd-k1", "chg_k1", 1_500);
                assertEquals("SUCCEEDED", again.text("status"));
                assertEquals(refundId, again.text("refundId"), "a repeat after the restart gets the stored refund");
                assertEquals(7_500, bank.balance(card), "and pays nothing twice");
                assertEquals("REFUND_EXCEEDS_DEBIT", refund(bank, "rfd-k2", "chg_k1", 3_000).text("declineCode"), "a declined one stays declined");
                assertEquals("REFUND_EXCEEDS_DEBIT", refund(bank, "rfd-k3", "chg_k1", 2_600).text("declineCode"),
                        "the refunds before the restart still count against the debit");
                assertEquals(List.of("DEBIT chg_k1 4000", "REFUND rfd-k1 1500"), settlementLines(bank));
            }
        }
    }
}
