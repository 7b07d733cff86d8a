package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.banksim.TestBank.Card;
import com.platepay.banksim.TestBank.Response;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReversalsTest {
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
    void aReversalReturnsTheMoneyOnceHoweverOftenItIsSent() throws IOException {
        Card card = bank.openAccount("DEBIT", 10_000);
        bank.debit("chg_rev", card, 4_000);
        assertEquals(6_000, bank.balance(card));
        for (int i = 0; i < 3; i++) {
            Response r = bank.reverse("chg_rev");
            assertEquals(200, r.status());
            assertEquals("REVERSED", r.text("status"));
            assertEquals("chg_rev", r.text("idempotencyKey"));
            assertEquals(4_000, r.number("amount"));
            assertEquals(10_000, bank.balance(card));
        }
        Response stored = bank.get("/v1/debits/chg_rev");
        assertEquals("REVERSED", stored.text("status"));
        // A late retry of the original debit replays its answer and takes no money again.
        Response replay = bank.debit("chg_rev", card, 4_000);
        assertEquals("APPROVED", replay.text("status"));
        assertEquals(stored.text("debitId"), replay.text("debitId"));
        assertEquals(10_000, bank.balance(card));
    }

    @Test
    void aDeclinedDebitHasNothingToReverse() throws IOException {
        Card card = bank.openAccount("DEBIT", 100);
        bank.debit("chg_poor", card, 4_000);
        Response r = bank.reverse("chg_poor");
        assertEquals("NOTHING_TO_REVERSE", r.text("status"));
        assertEquals(0, r.number("amount"));
        assertEquals(100, bank.balance(card));
        assertEquals("DECLINED", bank.get("/v1/debits/chg_poor").text("status"));
    }

    @Test
    void aReversalBeforeTheDebitStopsTheDebitWhenItArrives() throws IOException {
        Card card = bank.openAccount("DEBIT", 10_000);
        Response tombstone = bank.reverse("chg_late");
        assertEquals(200, tombstone.status());
        assertEquals("NOTHING_TO_REVERSE", tombstone.text("status"));
        assertEquals(404, bank.get("/v1/debits/chg_late").status());

        Response late = bank.debit("chg_late", card, 2_000);
        assertEquals(200, late.status());
        assertEquals("DECLINED", late.text("status"));
        assertEquals("REVERSED_BEFORE_AUTHORISATION", late.text("declineCode"));
        assertEquals(10_000, bank.balance(card));
        assertEquals(1, bank.get("/v1/debits?accountId=" + card.accountId()).body().size());

        assertEquals("NOTHING_TO_REVERSE", bank.reverse("chg_late").text("status"));
        assertEquals(late.body(), bank.debit("chg_late", card, 2_000).body());
        assertEquals(10_000, bank.balance(card));
        // Other keys are unaffected.
        assertEquals("APPROVED", bank.debit("chg_other", card, 2_000).text("status"));
        assertEquals(8_000, bank.balance(card));
    }
}
