package com.platepay.parking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.parking.AllowList;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestLane;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A lot's lanes over real MQTT: entry, exit, the debit through the charging core, the barrier, the review queue. */
@QuarkusTest
@WithTestResource(TestStack.class)
class ParkingLaneTest extends LotTest {

    @Inject
    LaneAllowListVersions versions;

    @Test
    void anEnrolledCarEntersIsPricedDebitedOnceAndTheBarrierOpens() {
        Scenario.Enrolled driver = parkingDriver(10_000);
        LaneCommand in = entry.send(TestLane.read(PlateRead.Direction.ENTRY, driver.plate(), 990, List.of(), false));
        assertEquals(LaneCommand.Action.OPEN_BARRIER, in.action());
        assertEquals("ENTERED", in.decision());

        PlateRead out = TestLane.read(PlateRead.Direction.EXIT, driver.plate(), 990, List.of(), false);
        long seq = exit.nextSeq();
        exit.publish(exit.envelope(out, seq, Instant.now()));
        LaneCommand paid = exit.awaitAck(seq);
        assertEquals(LaneCommand.Action.OPEN_BARRIER, paid.action());
        assertEquals("PAID", paid.decision());
        assertEquals(500L, paid.amount(), "the first hour from the first minute");
        assertEquals(in.sessionId(), paid.sessionId());
        assertEquals(10_000 - 500, bank.balance(driver.account()));

        // The box resends the same read (it never saw the answer): the same answer, no second debit.
        exit.publish(exit.envelope(out, seq, Instant.now()));
        assertEquals("PAID", exit.awaitAck(seq).decision());
        // The camera reads the car again a moment later: the same stay, within the grace period.
        LaneCommand again = exit.send(TestLane.read(PlateRead.Direction.EXIT, driver.plate(), 990, List.of(), false));
        assertEquals(LaneCommand.Action.OPEN_BARRIER, again.action());
        assertEquals(10_000 - 500, bank.balance(driver.account()));
        assertEquals(1, bank.debits(driver.account()).size());

        Map<String, Object> session = Users.OLGA.api().get("/api/v1/operator/parking/sessions/" + paid.sessionId())
                .then().statusCode(200).extract().as(Map.class);
        assertEquals("PAID", session.get("status"));
        List<Map<String, Object>> charges = Users.ALICE.api().get("/api/v1/me/charges").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(charges.stream().anyMatch(c -> paid.sessionId() != null && driver.plate().equals(c.get("plate"))
                && Integer.valueOf(500).equals(c.get("amount"))), "the driver sees the parking charge");
    }

    @Test
    void aSecondExitLaneReadingTheCarWhileItsDebitIsAtTheBankDoesNotDebitItAgainOrRecordArrears() {
        Scenario.Enrolled driver = parkingDriver(10_000);
        try (TestLane exit2 = lane(siteId, "exit-2", "EXIT")) {
            LaneCommand in = entry.send(TestLane.read(PlateRead.Direction.ENTRY, driver.plate(), 990, List.of(), false));
            UUID sessionId = UUID.fromString(in.sessionId());
            bank.fault("TIMEOUT_BEFORE_PROCESSING", 1, 500);   // the bank holds the first debit half a second, then approves it
            long seq = exit.nextSeq();
            exit.publish(exit.envelope(TestLane.read(PlateRead.Direction.EXIT, driver.plate(), 990, List.of(), false), seq, Instant.now()));
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).until(() ->
                    Ledgers.count(pool, "select count(*) from parking_sessions where id = $1 and status = 'CHARGING'", sessionId) == 1);

            // The second exit lane's camera reads the same car while its debit is at the bank: the same attempt.
            LaneCommand second = exit2.send(TestLane.read(PlateRead.Direction.EXIT, driver.plate(), 990, List.of(), false));
            LaneCommand first = exit.awaitAck(seq);

            assertEquals("PAID", first.decision());
            assertTrue(Set.of("IN_PROGRESS", "PAID").contains(second.decision()), "not a decline: " + second.decision());
            assertEquals("PAID", session(in.sessionId()).get("status"), "the debit the bank approved is the session's");
            assertEquals(10_000 - 500, bank.balance(driver.account()));
            assertEquals(1, debitsWithStatus(driver.account(), "APPROVED"));
        }
    }

    @Test
    void aLookAlikeReadJoinsTheRightSessionButDebitsNothing() {
        Scenario.Enrolled driver = parkingDriver(10_000, plateEndingIn('5'));
        LaneCommand in = entry.send(TestLane.read(PlateRead.Direction.ENTRY, driver.plate(), 990, List.of(), false));
        String misread = driver.plate().substring(0, 6) + "S";

        LaneCommand out = exit.send(TestLane.read(PlateRead.Direction.EXIT, misread, 990, List.of(), false));

        assertEquals(LaneCommand.Action.DISPLAY, out.action());
        assertEquals("REVIEW", out.decision());
        assertEquals(in.sessionId(), out.sessionId(), "joined the session of the car that entered");
        assertEquals(10_000, bank.balance(driver.account()));
        List<Map<String, Object>> review = reviewQueue();
        assertTrue(review.stream().anyMatch(s -> in.sessionId().equals(s.get("id")) && "LOOKALIKE_MATCH".equals(s.get("reviewReason"))));

        // An attendant reads the plate on the crop and resolves it: now it is debited, once.
        Map<String, Object> resolved = Users.OLGA.api().body(Map.of("plate", driver.plate(), "plateColour", "BLUE"))
                .post("/api/v1/operator/parking/sessions/" + in.sessionId() + "/resolve").then().statusCode(200).extract().as(Map.class);
        assertEquals("PAID", resolved.get("status"));
        assertEquals(10_000 - 500, bank.balance(driver.account()));
    }

    @Test
    void aCandidateJoinsTheSessionAndALowConfidenceExactReadIsReviewed() {
        Scenario.Enrolled first = parkingDriver(10_000);
        Scenario.Enrolled second = parkingDriver(10_000);
        LaneCommand in1 = entry.send(TestLane.read(PlateRead.Direction.ENTRY, first.plate(), 990, List.of(), false));
        LaneCommand in2 = entry.send(TestLane.read(PlateRead.Direction.ENTRY, second.plate(), 990, List.of(), false));

        LaneCommand byCandidate = exit.send(TestLane.read(PlateRead.Direction.EXIT, "黑A99999", 700,
                List.of(new PlateRead.Candidate(first.plate(), 650)), false));
        LaneCommand unsure = exit.send(TestLane.read(PlateRead.Direction.EXIT, second.plate(), THRESHOLD - 1, List.of(), false));

        assertEquals(in1.sessionId(), byCandidate.sessionId());
        assertEquals("REVIEW", byCandidate.decision());
        assertEquals(in2.sessionId(), unsure.sessionId());
        assertEquals("REVIEW", unsure.decision());
        assertEquals(LaneCommand.Action.DISPLAY, unsure.action());
        assertEquals(10_000, bank.balance(first.account()));
        assertEquals(10_000, bank.balance(second.account()));
    }

    @Test
    void aCarWithoutAMandatePaysAtTheKioskAndASecondEntryIsFlagged() {
        String plate = com.platepay.testing.Plates.random();
        entry.send(TestLane.read(PlateRead.Direction.ENTRY, plate, 990, List.of(), false));
        LaneCommand passback = entry.send(TestLane.read(PlateRead.Direction.ENTRY, plate, 990, List.of(), false)
                .withCapturedAt(Instant.now().plus(Duration.ofMinutes(5))));
        assertEquals("PASSBACK", passback.decision());
        assertEquals(LaneCommand.Action.DISPLAY, passback.action());

        LaneCommand out = exit.send(TestLane.read(PlateRead.Direction.EXIT, plate, 990, List.of(), false));
        assertEquals("REVIEW", out.decision());
        assertTrue(reviewQueue().stream().anyMatch(s -> out.sessionId().equals(s.get("id")) && "FLAGGED_PASSBACK".equals(s.get("reviewReason"))));
    }

    @Test
    void aDeclinedDebitOpensAndRecordsArrearsAtThisLot() {
        Scenario.Enrolled driver = parkingDriver(100);
        entry.send(TestLane.read(PlateRead.Direction.ENTRY, driver.plate(), 990, List.of(), false));
        LaneCommand out = exit.send(TestLane.read(PlateRead.Direction.EXIT, driver.plate(), 990, List.of(), false));
        assertEquals("ARREARS", out.decision());
        assertEquals(LaneCommand.Action.OPEN_BARRIER, out.action());
        List<Map<String, Object>> arrears = Users.OLGA.api().queryParam("status", "ARREARS")
                .get("/api/v1/operator/parking/lots/" + siteId + "/sessions").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(arrears.stream().anyMatch(s -> out.sessionId().equals(s.get("id")) && "INSUFFICIENT_FUNDS".equals(s.get("reviewReason"))));
        assertEquals(100, bank.balance(driver.account()));
    }

    @Test
    void aBarrierOpenedOfflineIsChargedWhenTheReadArrives() {
        Scenario.Enrolled driver = parkingDriver(10_000);
        entry.send(TestLane.read(PlateRead.Direction.ENTRY, driver.plate(), 990, List.of(), false));
        LaneCommand out = exit.send(TestLane.read(PlateRead.Direction.EXIT, driver.plate(), 990, List.of(), true));
        assertEquals("OFFLINE_RECORDED", out.decision());
        assertEquals(LaneCommand.Action.DISPLAY, out.action(), "the barrier is already open: nothing to open again");
        assertEquals(10_000 - 500, bank.balance(driver.account()));
    }

    @Test
    void forgedAndReplayedReadsAreRefusedAndAckNothing() {
        Scenario.Enrolled driver = parkingDriver(10_000);
        PlateRead in = TestLane.read(PlateRead.Direction.ENTRY, driver.plate(), 990, List.of(), false);
        Envelope genuine = entry.envelope(in, entry.nextSeq(), Instant.now());
        Envelope forged = new EnvelopeSigner(DeviceKeys.generate().getPrivate()).sign(genuine);
        entry.publish(forged);
        LaneCommand refused = entry.awaitCommand(c -> "BAD_SIGNATURE".equals(c.decision()), Duration.ofSeconds(15));
        assertNull(refused.ackSeq(), "a refused read is not acknowledged: the box keeps it");
        assertEquals(LaneCommand.Action.DISPLAY, refused.action());

        entry.publish(entry.envelope(in, entry.nextSeq(), Instant.now().minus(Duration.ofMinutes(10))));
        assertNull(entry.awaitCommand(c -> "REPLAYED".equals(c.decision()), Duration.ofSeconds(15)).ackSeq());
        List<Map<String, Object>> open = Users.OLGA.api().get("/api/v1/operator/parking/lots/" + siteId + "/sessions")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(open.stream().noneMatch(s -> driver.plate().equals(s.get("plate"))), "no session from a refused read");
    }

    @Test
    void aRegularOfTheLotIsOnItsLanesSignedAllowList() throws Exception {
        Scenario.Enrolled driver = parkingDriver(10_000);
        entry.send(TestLane.read(PlateRead.Direction.ENTRY, driver.plate(), 990, List.of(), false));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var list = exit.allowLists.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (list != null && list.plates().stream().anyMatch(p -> p.plate().equals(driver.plate()) && p.plateColour().equals("BLUE"))) {
                return;
            }
        }
        throw new AssertionError("the exit lane never got an allow-list with " + driver.plate());
    }

    /**
     * Two replicas build the same list for a lot: the database gives both the same version, and a changed list the
     * next one. Versions from a replica's clock would differ between replicas, and one whose clock is behind would
     * publish a changed list under a version the lanes already passed (they keep only a higher one).
     */
    @Test
    void replicasGiveALotsListOneVersionAndAChangedListTheNext() throws Throwable {
        UUID lot = UUID.fromString(scenario.site(Users.OLGA, "PARKING"));
        List<AllowList.Entry> one = List.of(new AllowList.Entry("京A12345", "BLUE", "MANDATE"));
        List<AllowList.Entry> two = List.of(new AllowList.Entry("京A12345", "BLUE", "MANDATE"), new AllowList.Entry("京B54321", "GREEN", "PASS"));
        long first = version(lot, one);
        assertTrue(first > Instant.now().minusSeconds(60).toEpochMilli(), "the first version starts above the old clock versions: " + first);
        assertEquals(first, version(lot, one), "another replica building the same list");
        assertEquals(first + 1, version(lot, two), "the list changed");
        assertEquals(first + 1, version(lot, two));
        assertEquals(first + 2, version(lot, one), "changed back is a change too");
    }

    private Long version(UUID lot, List<AllowList.Entry> plates) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> versions.take(lot, plates)));
    }

    @Test
    void aManualOpenNeedsAReasonIsAuditedAndReachesTheLane() {
        Users.OLGA.api().body(Map.of()).post("/api/v1/operator/parking/lanes/" + exit.deviceId() + "/open").then().statusCode(400);
        Users.OSCAR.api().body(Map.of("reason", "x")).post("/api/v1/operator/parking/lanes/" + exit.deviceId() + "/open").then().statusCode(404);
        Users.OLGA.api().body(Map.of("reason", "ambulance")).post("/api/v1/operator/parking/lanes/" + exit.deviceId() + "/open")
                .then().statusCode(202);
        LaneCommand open = exit.awaitCommand(c -> "MANUAL_OPEN".equals(c.decision()), Duration.ofSeconds(15));
        assertEquals(LaneCommand.Action.OPEN_BARRIER, open.action());
        List<Map<String, Object>> audit = Users.ADA.api().queryParam("resourceId", exit.deviceId()).get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(audit.stream().anyMatch(e -> "BARRIER_OPENED_MANUALLY".equals(e.get("action")) && "ambulance".equals(e.get("detail"))));
    }

    /** A plate whose last character is {@code last} and whose others have no look-alikes, so one swap names one plate. */
    private static String plateEndingIn(char last) {
        String plain = "ACEFHJKLMNPRTUVWXY3479";
        StringBuilder p = new StringBuilder("黑E");
        for (int i = 0; i < 4; i++) {
            p.append(plain.charAt(ThreadLocalRandom.current().nextInt(plain.length())));
        }
        return p.append(last).toString();
    }
}
