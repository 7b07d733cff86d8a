package com.platepay.parking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestLane;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The lot's policies on the real stack: the lost-ticket price, a lot that keeps the barrier closed on a decline
 * (and how often it tries again), the overstay after the grace period, and a plate open at two lots at once.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class ParkingPoliciesTest extends LotTest {

    @Test
    void anExitWithoutAnEntryReadPaysTheLotsLostTicketPrice() {
        saveLot(siteId, Map.of("lostTicketPrice", 2_000));
        Scenario.Enrolled driver = parkingDriver(10_000);

        LaneCommand out = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));

        assertEquals("PAID", out.decision());
        assertEquals(LaneCommand.Action.OPEN_BARRIER, out.action());
        assertEquals(2_000L, out.amount(), "the lost-ticket price, not a stay priced from nothing");
        assertEquals(10_000 - 2_000, bank.balance(driver.account()));
        Map<String, Object> session = session(out.sessionId());
        assertEquals("LOST_ENTRY", session.get("flag"));
        assertNull(session.get("entryAt"));
        assertEquals("PAID", session.get("status"));
    }

    @Test
    void anExitWithoutAnEntryReadGoesToReviewWhenTheLotHasNoLostTicketPrice() {
        Scenario.Enrolled driver = parkingDriver(10_000);

        LaneCommand out = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));

        assertEquals("REVIEW", out.decision());
        assertEquals(LaneCommand.Action.DISPLAY, out.action());
        assertTrue(reviewQueue().stream().anyMatch(s -> out.sessionId().equals(s.get("id")) && "LOST_ENTRY".equals(s.get("reviewReason"))));
        assertEquals(10_000, bank.balance(driver.account()));
        assertEquals(List.of(), bank.debits(driver.account()), "nothing went to the bank");
    }

    @Test
    void keepClosedLeavesTheBarrierShutAndTheCarsNextReadTriesAgain() {
        saveLot(siteId, Map.of("declinePolicy", "KEEP_CLOSED"));
        Scenario.Enrolled driver = parkingDriver(10_000);
        entry.send(read(PlateRead.Direction.ENTRY, driver.plate()));
        bank.fault("ERROR_500", 1, 0);   // the first debit fails at the bank: declined, nothing moved

        LaneCommand declined = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));
        assertEquals("PAY_AT_KIOSK", declined.decision());
        assertEquals(LaneCommand.Action.DISPLAY, declined.action(), "the barrier stays closed");
        assertEquals("UNPAID", session(declined.sessionId()).get("status"));
        // The camera reads the waiting car again at once: the same event, not a second attempt.
        LaneCommand repeat = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));
        assertEquals("PAY_AT_KIOSK", repeat.decision());
        assertEquals(1, session(declined.sessionId()).get("debitAttempts"));

        // A minute later the car is read again (outside the lot's 30 s repeat window): the debit is tried again.
        LaneCommand paid = exit.send(read(PlateRead.Direction.EXIT, driver.plate()).withCapturedAt(Instant.now().plusSeconds(60)));
        assertEquals("PAID", paid.decision());
        assertEquals(LaneCommand.Action.OPEN_BARRIER, paid.action());
        assertEquals(declined.sessionId(), paid.sessionId());
        assertEquals(10_000 - 500, bank.balance(driver.account()));
        assertEquals(1, debitsWithStatus(driver.account(), "APPROVED"));
        // The failed attempt is the janitor's: it makes sure that debit never stands (a reversal), as for any charge.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> Ledgers.count(pool,
                "select count(*) from charges where plate = $1 and status = 'REVERSED'", driver.plate()) == 1);
        assertEquals(10_000 - 500, bank.balance(driver.account()));
    }

    @Test
    void keepClosedTriesAtMostMaxDebitAttemptsTimes() {
        saveLot(siteId, Map.of("declinePolicy", "KEEP_CLOSED", "maxDebitAttempts", 2));
        Scenario.Enrolled driver = parkingDriver(100);   // 1.00 on the card: every debit of 5.00 is declined
        entry.send(read(PlateRead.Direction.ENTRY, driver.plate()));

        for (int minute = 0; minute <= 2; minute++) {
            LaneCommand out = exit.send(read(PlateRead.Direction.EXIT, driver.plate()).withCapturedAt(Instant.now().plusSeconds(60L * minute)));
            assertEquals("PAY_AT_KIOSK", out.decision(), "read " + minute);
            assertEquals(LaneCommand.Action.DISPLAY, out.action(), "read " + minute);
        }

        assertEquals(2, debitsWithStatus(driver.account(), "DECLINED"), "two attempts, the third read asked the bank nothing");
        assertEquals(2, bank.debits(driver.account()).size());
        List<Map<String, Object>> unpaid = sessions(siteId, "UNPAID");
        assertTrue(unpaid.stream().anyMatch(s -> driver.plate().equals(s.get("plate")) && Integer.valueOf(2).equals(s.get("debitAttempts"))
                && "INSUFFICIENT_FUNDS".equals(s.get("reviewReason"))), unpaid.toString());
        assertEquals(100, bank.balance(driver.account()));
    }

    @Test
    void aCarStillInsideAfterTheGracePeriodPaysOnlyTheOverstayAndOnlyOnce() {
        Scenario.Enrolled driver = parkingDriver(10_000);
        entry.send(read(PlateRead.Direction.ENTRY, driver.plate()).withCapturedAt(Instant.now().minus(Duration.ofMinutes(50))));
        LaneCommand first = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));
        assertEquals("PAID", first.decision());
        assertEquals(500L, first.amount(), "50 minutes: the first hour");

        // As if that exit and payment were 20 minutes ago (the grace is 15) and the car never left: it came back to
        // the barrier now, 70 minutes after it entered.
        pool.preparedQuery("update parking_sessions set entry_at = entry_at - interval '20 minutes', exit_at = exit_at - interval '20 minutes', "
                + "paid_at = paid_at - interval '20 minutes' where id = $1").execute(Tuple.of(UUID.fromString(first.sessionId())))
                .await().indefinitely();
        LaneCommand overstay = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));
        assertEquals("PAID", overstay.decision());
        assertEquals(LaneCommand.Action.OPEN_BARRIER, overstay.action());
        assertEquals(300L, overstay.amount(), "70 minutes cost 8.00, of which 5.00 were paid");
        assertEquals(first.sessionId(), overstay.sessionId());

        // Read again later (outside the repeat window), within the new grace period: it opens, nothing more is due.
        LaneCommand again = exit.send(read(PlateRead.Direction.EXIT, driver.plate()).withCapturedAt(Instant.now().plusSeconds(60)));
        assertEquals("GRACE", again.decision());
        assertEquals(LaneCommand.Action.OPEN_BARRIER, again.action());
        assertEquals(10_000 - 800, bank.balance(driver.account()));
        assertEquals(2, debitsWithStatus(driver.account(), "APPROVED"));
    }

    @Test
    void aPlateOpenAtTwoLotsIsFlaggedAtBothAndNeverDebitedAutomatically() {
        String otherSite = scenario.site(Users.OLGA, "PARKING");
        saveLot(otherSite, Map.of());
        try (TestLane otherEntry = lane(otherSite, "entry-1", "ENTRY"); TestLane otherExit = lane(otherSite, "exit-1", "EXIT")) {
            Scenario.Enrolled driver = parkingDriver(10_000);
            LaneCommand here = entry.send(read(PlateRead.Direction.ENTRY, driver.plate()));
            assertEquals("ENTERED", here.decision());

            LaneCommand there = otherEntry.send(read(PlateRead.Direction.ENTRY, driver.plate()));
            assertEquals("ENTERED_FLAGGED", there.decision(), "let in, but the same plate is inside another lot");
            assertEquals(LaneCommand.Action.OPEN_BARRIER, there.action());
            assertEquals("CLONE", session(here.sessionId()).get("flag"), "the first session is flagged too");
            assertEquals("CLONE", session(there.sessionId()).get("flag"));

            LaneCommand outThere = otherExit.send(read(PlateRead.Direction.EXIT, driver.plate()));
            LaneCommand outHere = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));
            for (LaneCommand out : List.of(outHere, outThere)) {
                assertEquals("REVIEW", out.decision());
                assertEquals(LaneCommand.Action.DISPLAY, out.action());
                assertEquals("FLAGGED_CLONE", session(out.sessionId()).get("reviewReason"));
            }
            assertEquals(10_000, bank.balance(driver.account()));
            assertEquals(List.of(), bank.debits(driver.account()), "a flagged plate moves no money without a person");
        }
    }

    private static PlateRead read(PlateRead.Direction direction, String plate) {
        return TestLane.read(direction, plate, 990, List.of(), false);
    }
}
