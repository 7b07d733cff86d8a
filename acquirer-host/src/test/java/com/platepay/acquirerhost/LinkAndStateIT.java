package com.platepay.acquirerhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.acquirerhost.HostHarness.Card;
import com.platepay.iso8583.HostAnswer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link's health checks, and both sides' state across restarts. */
class LinkAndStateIT {

    @Test
    void anEchoWithoutAnswerRebuildsTheLink(@TempDir Path dir) throws Exception {
        try (HostHarness h = new HostHarness(dir, Duration.ofMillis(300))) {
            h.fault("ECHO", "NO_ANSWER", 0, null);
            HostHarness.await("the link to be rebuilt", () -> h.link.connections() >= 2);
            assertTrue(h.link.awaitUp(Duration.ofSeconds(10)));
            Card card = h.openAccount("DEBIT", 1_000);
            assertTrue(((HostAnswer.Answered) h.acquirer.purchase("after-echo", card.data(), 100, "CNY").get()).approved());
        }
    }

    @Test
    void aDeadHostTakesTheLinkDownAndRequestsFailAtOnce(@TempDir Path dir) throws Exception {
        try (HostHarness h = new HostHarness(dir)) {
            Card card = h.openAccount("DEBIT", 1_000);
            h.host.kill();
            HostHarness.await("the link to go down", () -> !h.link.isUp());
            HostAnswer.NoAnswer none = assertInstanceOf(HostAnswer.NoAnswer.class,
                    h.acquirer.purchase("no-host", card.data(), 100, "CNY").get());
            assertEquals("LinkDownException", none.why());
        }
    }

    @Test
    void booksStansAndTheSentLogSurviveRestartsOfBothSides(@TempDir Path dir) throws Exception {
        Card card;
        HostAnswer.Answered first;
        try (HostHarness h = new HostHarness(dir)) {
            card = h.openAccount("DEBIT", 10_000);
            first = (HostAnswer.Answered) h.acquirer.purchase("kept", card.data(), 1_000, "CNY").get();
            h.acquirer.purchase("undone", card.data(), 2_000, "CNY").get();
            h.acquirer.reverse("undone").get();
        }
        try (HostHarness h = new HostHarness(dir)) {
            assertEquals(9_000, h.balance(card));
            assertEquals(first, h.acquirer.purchase("kept", card.data(), 1_000, "CNY").get(), "same STAN and RRN, same answer");
            assertEquals(9_000, h.balance(card));
            HostAnswer.Answered fresh = (HostAnswer.Answered) h.acquirer.purchase("new", card.data(), 500, "CNY").get();
            assertTrue(fresh.approved(), "a new STAN after the restart is not taken for a duplicate");
            assertEquals(8_500, h.balance(card));
        }
    }
}
