package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.banksim.TestBank.Card;
import com.platepay.banksim.TestBank.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebitsTest {
    private TestBank bank;

    @BeforeEach
    void start() throws IOException {
        bank = new TestBank();
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    @Test
    void anApprovedDebitTakesExactlyTheAmount() throws IOException {
        Card card = bank.openAccount("DEBIT", 50_000);
        Response r = bank.debit("chg_1", card, 12_850);
        assertEquals(200, r.status());
        assertEquals("APPROVED", r.text("status"));
        assertNull(r.text("declineCode"));
        assertTrue(r.text("approvalCode").matches("\\d{6}"), r.text("approvalCode"));
        assertTrue(r.text("debitId").startsWith("dbt_"));
        assertEquals("chg_1", r.text("idempotencyKey"));
        assertEquals(12_850, r.number("amount"));
        assertEquals("CNY", r.text("currency"));
        assertEquals(37_150, bank.balance(card));

        Response stored = bank.get("/v1/debits/chg_1");
        assertEquals("APPROVED", stored.text("status"));
        assertEquals(r.text("debitId"), stored.text("debitId"));
    }

    @Test
    void insufficientFundsIsDeclinedAndMovesNothing() throws IOException {
        Card card = bank.openAccount("DEBIT", 1_000);
        Response r = bank.debit(TestBank.newKey(), card, 1_001);
        assertEquals(200, r.status());
        assertEquals("DECLINED", r.text("status"));
        assertEquals("INSUFFICIENT_FUNDS", r.text("declineCode"));
        assertNull(r.text("approvalCode"));
        assertEquals(1_000, bank.balance(card));
        assertEquals("APPROVED", bank.debit(TestBank.newKey(), card, 1_000).text("status"));
        assertEquals(0, bank.balance(card));
    }

    @Test
    void theSameKeyAndBodyAnswersTheStoredDebitOnce() throws IOException {
        Card card = bank.openAccount("DEBIT", 10_000);
        Response first = bank.debit("chg_same", card, 2_500);
        Response second = bank.debit("chg_same", card, 2_500);
        assertEquals(first.body(), second.body());
        assertEquals(7_500, bank.balance(card));
        List<?> debits = TestBank.JSON.convertValue(bank.get("/v1/debits?accountId=" + card.accountId()).body(), List.class);
        assertEquals(1, debits.size());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws IOException {
        Card card = bank.openAccount("DEBIT", 10_000);
        bank.debit("chg_reuse", card, 2_500);
        Response other = bank.debit("chg_reuse", card, 2_600);
        assertEquals(422, other.status());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.text("code"));
        assertEquals(7_500, bank.balance(card));
    }

    @Test
    void refusesBadRequestsBeforeTouchingTheAccount() throws IOException {
        Card card = bank.openAccount("DEBIT", 10_000);
        Response noKey = bank.post("/v1/debits", TestBank.debitBody(card, 100), null, Duration.ofSeconds(10));
        assertEquals(400, noKey.status());
        assertEquals("IDEMPOTENCY_KEY_MISSING", noKey.text("code"));
        assertEquals("IDEMPOTENCY_KEY_INVALID", bank.debit("k".repeat(65), card, 100).text("code"));
        assertEquals("INVALID_AMOUNT", bank.debit(TestBank.newKey(), card, 0).text("code"));
        assertEquals("INVALID_AMOUNT", bank.debit(TestBank.newKey(), card, -5).text("code"));
        Map<String, Object> fractional = new HashMap<>(TestBank.debitBody(card, 100));
        fractional.put("amount", 1.5);
        assertEquals("INVALID_AMOUNT", bank.post("/v1/debits", fractional, TestBank.newKey(), Duration.ofSeconds(10)).text("code"));
        Map<String, Object> badPan = new HashMap<>(TestBank.debitBody(card, 100));
        badPan.put("pan", "1234567890123");
        Response invalidPan = bank.post("/v1/debits", badPan, TestBank.newKey(), Duration.ofSeconds(10));
        assertEquals("INVALID_PAN", invalidPan.text("code"));
        assertEquals(10_000, bank.balance(card));
    }

    @Test
    void declinesWithTheReason() throws IOException {
        Card credit = bank.openAccount("CREDIT", 10_000);
        assertEquals("NOT_DEBIT_CARD", bank.debit(TestBank.newKey(), credit, 100).text("declineCode"));
        assertEquals(10_000, bank.balance(credit));

        Card euro = bank.openAccount("DEBIT", 10_000, "EUR", 12, 2031);
        assertEquals("CURRENCY_MISMATCH", bank.debit(TestBank.newKey(), euro, 100).text("declineCode"));

        Card expired = bank.openAccount("DEBIT", 10_000, "CNY", 1, 2021);
        Map<String, Object> body = new HashMap<>(TestBank.debitBody(expired, 100));
        body.put("expiryMonth", 1);
        body.put("expiryYear", 2021);
        assertEquals("EXPIRED_CARD", bank.post("/v1/debits", body, TestBank.newKey(), Duration.ofSeconds(10)).text("declineCode"));
        Card card = bank.openAccount("DEBIT", 10_000);
        Map<String, Object> wrongExpiry = new HashMap<>(TestBank.debitBody(card, 100));
        wrongExpiry.put("expiryYear", 2032);
        assertEquals("EXPIRED_CARD", bank.post("/v1/debits", wrongExpiry, TestBank.newKey(), Duration.ofSeconds(10)).text("declineCode"));
        assertEquals(10_000, bank.balance(card));

        Card unknown = new Card("acc_none", TestBank.randomPan());
        Response notFound = bank.debit("chg_unknown_card", unknown, 100);
        assertEquals("DECLINED", notFound.text("status"));
        assertEquals("CARD_NOT_FOUND", notFound.text("declineCode"));
        assertEquals("DECLINED", bank.get("/v1/debits/chg_unknown_card").text("status"));
    }

    @Test
    void inquiryAndListing() throws IOException {
        Response missing = bank.get("/v1/debits/chg_never");
        assertEquals(404, missing.status());
        assertEquals("DEBIT_NOT_FOUND", missing.text("code"));

        Card card = bank.openAccount("DEBIT", 10_000);
        bank.debit("chg_a", card, 100);
        bank.debit("chg_b", card, 20_000);
        Card other = bank.openAccount("DEBIT", 10_000);
        bank.debit("chg_c", other, 100);
        Response list = bank.get("/v1/debits?accountId=" + card.accountId());
        assertEquals(200, list.status());
        assertTrue(list.body().isArray());
        assertEquals(2, list.body().size());
        assertEquals("chg_a", list.body().get(0).get("idempotencyKey").asText());
        assertEquals("DECLINED", list.body().get(1).get("status").asText());
        assertEquals(404, bank.get("/v1/debits?accountId=acc_none").status());
        assertEquals(400, bank.get("/v1/debits").status());
    }

    @Test
    void aSecondRequestWhileTheKeyIsBeingProcessedIsInProgress() throws Exception {
        Card card = bank.openAccount("DEBIT", 10_000);
        bank.setFaults("{\"latencyMs\": 1500}");
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> TestBank.io(() -> bank.debit("chg_busy", card, 100)));
        Thread.sleep(200);
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> TestBank.io(() -> bank.debit("chg_busy", card, 100)));
        List<Integer> statuses = List.of(first.get().status(), second.get().status());
        assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
        Response busy = first.get().status() == 409 ? first.get() : second.get();
        assertEquals("IN_PROGRESS", busy.text("code"));
        bank.delete("/v1/faults");
        assertEquals(9_900, bank.balance(card));
        assertEquals("APPROVED", bank.debit("chg_busy", card, 100).text("status"));
        assertEquals(9_900, bank.balance(card));
        assertNotEquals(null, bank.get("/v1/debits/chg_busy").text("approvalCode"));
    }
}
