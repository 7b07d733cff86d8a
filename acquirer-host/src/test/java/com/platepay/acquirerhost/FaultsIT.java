package com.platepay.acquirerhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.acquirerhost.HostHarness.Card;
import com.platepay.iso8583.CardData;
import com.platepay.iso8583.FollowUpResult;
import com.platepay.iso8583.HostAnswer;
import com.platepay.iso8583.ResponseCode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Late answers, late arrivals, dropped links and duplicates, against the host process. */
class FaultsIT {
    @TempDir
    static Path dir;
    static HostHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new HostHarness(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void aLate0210AfterTheReversalChangesNothing() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        h.fault("PURCHASE", "LATE_ANSWER", 2_000, null);
        assertInstanceOf(HostAnswer.NoAnswer.class, h.acquirer.purchase("late-answer", card.data(), 1_000, "CNY").get());
        assertEquals(9_000, h.balance(card), "the host did take the money");

        assertTrue(h.acquirer.reverse("late-answer").get().acknowledgedWith(ResponseCode.APPROVED));
        assertEquals(10_000, h.balance(card), "the reversal gave it back");
        HostHarness.await("the late 0210", () -> logContains("LATE 39=00"));
        assertTrue(h.link.isUp(), "an unmatched late answer is dropped, the link stays up");
        assertEquals(10_000, h.balance(card), "books hold after the late answer");
        assertEquals("REVERSED", h.transactions(card).get(0).get("status").asText());
    }

    @Test
    void aPurchaseArrivingAfterItsReversalIsRefused() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        h.fault("PURCHASE", "LATE_ARRIVAL", 2_000, null);
        assertInstanceOf(HostAnswer.NoAnswer.class, h.acquirer.purchase("late-arrival", card.data(), 1_000, "CNY").get());

        FollowUpResult reversal = h.acquirer.reverse("late-arrival").get();
        assertTrue(reversal.acknowledgedWith(ResponseCode.ORIGINAL_NOT_FOUND), "nothing had moved yet: " + reversal);
        HostHarness.await("the late 0200 to be refused", () -> logContains("ARRIVED_LATE 39=" + ResponseCode.REVERSED_BEFORE_AUTHORISATION.iso()));
        assertEquals(10_000, h.balance(card), "the late purchase moved no money");
        HostAnswer.Answered again = (HostAnswer.Answered) h.acquirer.purchase("late-arrival", card.data(), 1_000, "CNY").get();
        assertEquals(ResponseCode.REVERSED_BEFORE_AUTHORISATION.iso(), again.field39(), "a duplicate gets the same refusal");
        assertEquals(10_000, h.balance(card));
    }

    @Test
    void aLinkDroppedMidMessageLeavesTheOutcomeUnknownAndComesBack() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        h.fault("PURCHASE", "DROP_LINK", 0, null);
        HostAnswer.NoAnswer none = assertInstanceOf(HostAnswer.NoAnswer.class,
                h.acquirer.purchase("dropped", card.data(), 1_000, "CNY").get());
        assertEquals("LinkDownException", none.why());
        assertTrue(h.link.awaitUp(Duration.ofSeconds(10)), "the link reconnects by itself");

        assertTrue(h.acquirer.reverse("dropped").get().acknowledgedWith(ResponseCode.ORIGINAL_NOT_FOUND));
        assertEquals(10_000, h.balance(card));
        HostAnswer.Answered next = (HostAnswer.Answered) h.acquirer.purchase("after-drop", card.data(), 500, "CNY").get();
        assertTrue(next.approved());
        assertEquals(9_500, h.balance(card));
    }

    @Test
    void aDuplicate0200WithTheSameStanIsAnsweredAsBeforeAndDebitsOnce() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        HostAnswer.Answered first = (HostAnswer.Answered) h.acquirer.purchase("dup", card.data(), 1_000, "CNY").get();
        HostAnswer.Answered second = (HostAnswer.Answered) h.acquirer.purchase("dup", card.data(), 1_000, "CNY").get();
        assertEquals(first, second, "same STAN and RRN: same answer and approval code");
        assertEquals(9_000, h.balance(card));
        assertEquals(1, h.transactions(card).size());
    }

    @Test
    void everyMappedResponseCodeComesBackAsItsDeclineCode() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        int n = 0;
        for (ResponseCode code : ResponseCode.values()) {
            if (code == ResponseCode.APPROVED) {
                continue;
            }
            h.fault("PURCHASE", "RESPOND", 0, code.iso());
            HostAnswer.Answered answer = (HostAnswer.Answered) h.acquirer.purchase("code-" + n++, card.data(), 100, "CNY").get();
            assertEquals(code, ResponseCode.ofIso(answer.field39()).orElseThrow());
            assertEquals(code.declineCode(), ResponseCode.declineCodeOf(answer.field39()));
        }
        assertEquals(10_000, h.balance(card));
    }

    @Test
    void theHostsOwnRefusalsUseTheTable() throws Exception {
        Card poor = h.openAccount("DEBIT", 50);
        Card credit = h.openAccount("CREDIT", 10_000);
        assertEquals("51", field39("poor", poor, 100, "CNY"));
        assertEquals("57", field39("credit", credit, 100, "CNY"));
        assertEquals("13", field39("dollars", poor, 10, "USD"));
        assertEquals("14", field39("unknown", new Card("none", new CardData(HostHarness.randomPan(), 12, 2031)), 10, "CNY"));
        assertEquals("54", field39("expiry", new Card(poor.accountId(), new CardData(poor.data().pan(), 1, 2031)), 10, "CNY"));
        assertEquals(50, h.balance(poor));
    }

    private static String field39(String key, Card card, long amount, String currency) throws Exception {
        return ((HostAnswer.Answered) h.acquirer.purchase(key, card.data(), amount, currency).get()).field39();
    }

    private static boolean logContains(String text) {
        try {
            return h.hostLog().contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
