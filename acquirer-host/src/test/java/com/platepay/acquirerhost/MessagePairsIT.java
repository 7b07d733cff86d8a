package com.platepay.acquirerhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.acquirerhost.HostHarness.Card;
import com.platepay.iso8583.CardData;
import com.platepay.iso8583.FollowUpResult;
import com.platepay.iso8583.HostAnswer;
import com.platepay.iso8583.ResponseCode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each message pair against the host process. */
class MessagePairsIT {
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
    void purchase0200IsAnswered0210AndTakesTheMoney() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        HostAnswer.Answered answer = assertInstanceOf(HostAnswer.Answered.class,
                h.acquirer.purchase("p-1", card.data(), 2_500, "CNY").get());
        assertTrue(answer.approved());
        assertTrue(answer.approvalCode().matches("\\d{6}"), answer.approvalCode());
        assertTrue(answer.rrn().matches("\\d{12}"), answer.rrn());
        assertEquals(7_500, h.balance(card));
        assertTrue(h.hostLog().contains("0200 stan"), "the host logs the message type");
        assertFalse(h.hostLog().contains(card.data().pan()), "no card number in the host's log");
    }

    @Test
    void verification0100WithAmountZeroMovesNothing() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        HostAnswer.Answered ok = (HostAnswer.Answered) h.acquirer.verify(card.data(), "CNY").get();
        assertEquals("00", ok.field39());
        assertEquals("DEBIT;Test Bank", ok.additionalResponse());
        HostAnswer.Answered wrongExpiry = (HostAnswer.Answered) h.acquirer
                .verify(new CardData(card.data().pan(), 11, 2031), "CNY").get();
        assertEquals(ResponseCode.EXPIRED_CARD.iso(), wrongExpiry.field39());
        assertEquals(10_000, h.balance(card));
    }

    @Test
    void hold0100ThenCompletion0220TakesTheFinalAmountOnly() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        HostAnswer.Answered hold = (HostAnswer.Answered) h.acquirer.authorize("h-1", card.data(), 6_000, "CNY").get();
        assertTrue(hold.approved());
        assertEquals(4_000, h.balance(card), "the hold is taken from the balance");
        assertTrue(h.acquirer.complete("h-1", 4_200).get().acknowledgedWith(ResponseCode.APPROVED));
        assertEquals(5_800, h.balance(card), "the rest of the hold comes back");
        assertTrue(h.acquirer.complete("h-1", 4_200).get().acknowledgedWith(ResponseCode.APPROVED), "a repeat is safe");
        assertEquals(5_800, h.balance(card));
        assertEquals("COMPLETED", h.transactions(card).get(0).get("status").asText());
    }

    @Test
    void aCompletionAboveTheHoldIsRefused() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        h.acquirer.authorize("h-2", card.data(), 1_000, "CNY").get();
        assertTrue(h.acquirer.complete("h-2", 1_001).get().acknowledgedWith(ResponseCode.AMOUNT_ABOVE_HOLD));
        assertEquals(9_000, h.balance(card));
    }

    @Test
    void void0400ReleasesAHold() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        h.acquirer.authorize("h-3", card.data(), 3_000, "CNY").get();
        assertTrue(h.acquirer.voidHold("h-3").get().acknowledgedWith(ResponseCode.APPROVED));
        assertEquals(10_000, h.balance(card));
        assertEquals("VOIDED", h.transactions(card).get(0).get("status").asText());
        assertEquals(FollowUpResult.Status.NO_ORIGINAL, h.acquirer.voidHold("never-held").get().status());
    }

    @Test
    void reversalAdvice0420GivesThePurchaseBack() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        h.acquirer.purchase("p-2", card.data(), 1_000, "CNY").get();
        assertTrue(h.acquirer.reverse("p-2").get().acknowledgedWith(ResponseCode.APPROVED));
        assertEquals(10_000, h.balance(card));
        assertTrue(h.acquirer.reverse("p-2").get().acknowledgedWith(ResponseCode.APPROVED), "asking again is safe");
        assertEquals(10_000, h.balance(card));
        assertEquals(FollowUpResult.Status.NO_ORIGINAL, h.acquirer.reverse("never-sent").get().status());
    }

    @Test
    void anUnansweredAdviceIsRepeatedAs0421UntilAcknowledged() throws Exception {
        Card card = h.openAccount("DEBIT", 10_000);
        h.acquirer.purchase("p-3", card.data(), 1_000, "CNY").get();
        h.fault("REVERSAL", "NO_ANSWER", 0, null);
        assertTrue(h.acquirer.reverse("p-3").get().acknowledgedWith(ResponseCode.APPROVED));
        String log = h.hostLog();
        assertTrue(log.contains("0420 stan") && log.contains("UNANSWERED"), log);
        assertTrue(log.contains("0421 stan"), "the repeat goes out as 0421: " + log);
        assertEquals(10_000, h.balance(card), "money came back once");
    }

    @Test
    void echo0800IsAnswered0810() throws Exception {
        var echo = h.link.echoNow().get();
        assertEquals("0810", echo.getMTI());
        assertEquals("00", echo.getString(39));
        assertEquals("301", echo.getString(70));
    }
}
