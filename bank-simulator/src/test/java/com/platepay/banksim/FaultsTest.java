package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.platepay.banksim.TestBank.Card;
import com.platepay.banksim.TestBank.Response;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(400);

    private TestBank bank;
    private Card card;

    @BeforeEach
    void start() throws IOException {
        bank = new TestBank();
        card = bank.openAccount("DEBIT", 10_000);
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    private static String rule(String on, String mode, int count, long delayMs) {
        return "{\"latencyMs\":0,\"rules\":[{\"on\":\"" + on + "\",\"mode\":\"" + mode + "\",\"count\":" + count
                + ",\"delayMs\":" + delayMs + "}]}";
    }

    private Response debitWithin(String key, long amount, Duration timeout) throws IOException {
        return bank.post("/v1/debits", TestBank.debitBody(card, amount), key, timeout);
    }

    private Response storedDebit(String key) {
        return TestBank.eventually(() -> {
            Response r = TestBank.io(() -> bank.get("/v1/debits/" + key));
            return r.status() == 200 ? r : null;
        });
    }

    @Test
    void timeoutAfterProcessingMovesTheMoneyButTheAnswerNeverArrivesInTime() throws IOException {
        bank.setFaults(rule("DEBIT", "TIMEOUT_AFTER_PROCESSING", 1, 20_000));
        assertThrows(HttpTimeoutException.class, () -> debitWithin("chg_t1", 1_500, CLIENT_TIMEOUT));

        // The held-back answer does not block anyone else.
        assertEquals("UP", bank.get("/health").text("status"));
        Response stored = storedDebit("chg_t1");
        assertEquals("APPROVED", stored.text("status"));
        assertEquals(8_500, bank.balance(card));

        // The client's retry gets the stored answer; no second debit.
        Response retry = debitWithin("chg_t1", 1_500, Duration.ofSeconds(10));
        assertEquals("APPROVED", retry.text("status"));
        assertEquals(stored.text("debitId"), retry.text("debitId"));
        assertEquals(stored.text("approvalCode"), retry.text("approvalCode"));
        assertEquals(8_500, bank.balance(card));
    }

    @Test
    void timeoutBeforeProcessingIsALateArrivalThatAReversalStops() throws IOException {
        bank.setFaults(rule("DEBIT", "TIMEOUT_BEFORE_PROCESSING", 1, 5_000));
        assertThrows(HttpTimeoutException.class, () -> debitWithin("chg_t2", 1_500, CLIENT_TIMEOUT));
        assertEquals(10_000, bank.balance(card));

        // The client gave up and reverses; the bank has not seen the debit yet, so it leaves a tombstone.
        assertEquals("NOTHING_TO_REVERSE", bank.reverse("chg_t2").text("status"));
        Response late = storedDebit("chg_t2");
        assertEquals("DECLINED", late.text("status"));
        assertEquals("REVERSED_BEFORE_AUTHORISATION", late.text("declineCode"));
        assertEquals(10_000, bank.balance(card));
    }

    @Test
    void timeoutBeforeProcessingWithoutAReversalIsProcessedLate() throws IOException {
        bank.setFaults(rule("DEBIT", "TIMEOUT_BEFORE_PROCESSING", 1, 1_500));
        assertThrows(HttpTimeoutException.class, () -> debitWithin("chg_t3", 1_500, Duration.ofMillis(200)));
        assertEquals("APPROVED", storedDebit("chg_t3").text("status"));
        assertEquals(8_500, bank.balance(card));
    }

    @Test
    void error500AnswersWithoutProcessingForCountRequests() throws IOException {
        bank.setFaults(rule("DEBIT", "ERROR_500", 2, 0));
        for (int i = 0; i < 2; i++) {
            Response r = bank.debit("chg_e", card, 1_000);
            assertEquals(500, r.status());
            assertEquals("SIMULATED_FAILURE", r.text("code"));
            assertEquals(404, bank.get("/v1/debits/chg_e").status());
            assertEquals(10_000, bank.balance(card));
        }
        assertEquals("APPROVED", bank.debit("chg_e", card, 1_000).text("status"));
        assertEquals(9_000, bank.balance(card));
        assertEquals(0, bank.get("/v1/faults").body().get("rules").size());
    }

    @Test
    void dropConnectionClosesWithoutAnswerOrProcessing() throws IOException {
        bank.setFaults(rule("DEBIT", "DROP_CONNECTION", 1, 0));
        IOException failure = assertThrows(IOException.class, () -> debitWithin("chg_d", 1_000, Duration.ofSeconds(20)));
        assertFalse(failure instanceof HttpTimeoutException, "the connection should close, not hang: " + failure);
        assertEquals(404, bank.get("/v1/debits/chg_d").status());
        assertEquals(10_000, bank.balance(card));
        assertEquals("APPROVED", bank.debit("chg_d", card, 1_000).text("status"));
        assertEquals(9_000, bank.balance(card));
    }

    @Test
    void rulesMatchOnlyTheirKindOfRequest() throws IOException {
        bank.debit("chg_k", card, 1_000);
        bank.setFaults("{\"rules\":[{\"on\":\"VERIFY\",\"mode\":\"ERROR_500\"},"
                + "{\"on\":\"DEBIT_INQUIRY\",\"mode\":\"ERROR_500\"},"
                + "{\"on\":\"REVERSAL\",\"mode\":\"DROP_CONNECTION\"}]}");
        Map<String, Object> verify = Map.of("pan", card.pan(), "expiryMonth", 12, "expiryYear", 2031);
        assertEquals(500, bank.post("/v1/card-verifications", verify).status());
        assertEquals("VERIFIED", bank.post("/v1/card-verifications", verify).text("result"));
        assertEquals(500, bank.get("/v1/debits/chg_k").status());
        assertEquals("APPROVED", bank.get("/v1/debits/chg_k").text("status"));
        assertThrows(IOException.class, () -> bank.reverse("chg_k"));
        assertEquals(9_000, bank.balance(card), "a dropped reversal is not processed");
        assertEquals("REVERSED", bank.reverse("chg_k").text("status"));
        assertEquals(10_000, bank.balance(card));
    }

    @Test
    void reversalTimeoutAfterProcessingStillReverses() throws IOException {
        bank.debit("chg_r", card, 1_000);
        bank.setFaults(rule("REVERSAL", "TIMEOUT_AFTER_PROCESSING", 1, 20_000));
        assertThrows(HttpTimeoutException.class,
                () -> bank.post("/v1/debits/chg_r/reversal", "", null, CLIENT_TIMEOUT));
        TestBank.eventually(() -> TestBank.io(() -> bank.balance(card)) == 10_000 ? true : null);
        assertEquals("REVERSED", bank.reverse("chg_r").text("status"));
        assertEquals(10_000, bank.balance(card));
    }

    @Test
    void theFaultSetCanBeReadReplacedAndCleared() throws IOException {
        Response set = bank.setFaults("{\"latencyMs\":5,\"rules\":[{\"on\":\"DEBIT\",\"mode\":\"ERROR_500\",\"count\":3}]}");
        assertEquals(5, set.number("latencyMs"));
        assertEquals(3, set.body().get("rules").get(0).get("count").asInt());
        assertEquals(5_000, set.body().get("rules").get(0).get("delayMs").asInt());
        bank.debit(TestBank.newKey(), card, 1);
        assertEquals(2, bank.get("/v1/faults").body().get("rules").get(0).get("count").asInt());

        assertEquals("INVALID_FAULT", bank.post("/v1/faults", "{\"rules\":[{\"on\":\"DEBIT\",\"mode\":\"EXPLODE\"}]}").text("code"));
        assertEquals("INVALID_FAULT", bank.post("/v1/faults", "{\"rules\":[{\"on\":\"DEBIT\",\"mode\":\"ERROR_500\",\"count\":0}]}").text("code"));
        assertEquals(2, bank.get("/v1/faults").body().get("rules").get(0).get("count").asInt(), "a refused set changes nothing");

        Response cleared = bank.delete("/v1/faults");
        assertEquals(200, cleared.status());
        assertEquals(0, cleared.number("latencyMs"));
        assertEquals(0, bank.get("/v1/faults").body().get("rules").size());
        assertEquals("APPROVED", bank.debit(TestBank.newKey(), card, 1).text("status"));
    }

    @Test
    void latencyDelaysButDoesNotChangeDebits() throws IOException {
        bank.setFaults("{\"latencyMs\":300}");
        assertEquals("APPROVED", bank.debit("chg_slow", card, 700).text("status"));
        assertEquals(9_300, bank.balance(card));
    }
}
