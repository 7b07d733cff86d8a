package com.platepay.parking;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.parking.AllowList;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.testing.Plates;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestLane;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Monthly passes: an operator creates and ends them; a holder's exit opens with nothing to pay; lanes know them offline. */
@QuarkusTest
@WithTestResource(TestStack.class)
class ParkingPassesTest extends LotTest {

    /** The lot's local date (the demo tariff's lot is in Harbin). */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Harbin"));
    }

    @Test
    void aPassHoldersExitOpensWithNothingToPayAndNoCharge() {
        Scenario.Enrolled driver = parkingDriver(10_000);   // a card the pass must not touch
        Map<String, Object> pass = createPass(siteId, driver.plate(), "BLUE", today().minusDays(1), today().plusDays(29), 201);
        assertEquals("ACTIVE", pass.get("status"));
        List<Map<String, Object>> audit = Users.ADA.api().queryParam("resourceId", pass.get("id")).get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(audit.stream().anyMatch(e -> "PARKING_PASS_CREATED".equals(e.get("action"))), audit.toString());

        entry.send(read(PlateRead.Direction.ENTRY, driver.plate()));
        LaneCommand out = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));

        assertEquals("PASS", out.decision());
        assertEquals(LaneCommand.Action.OPEN_BARRIER, out.action());
        Map<String, Object> session = session(out.sessionId());
        assertEquals("PAID", session.get("status"));
        assertEquals(0, session.get("amount"));
        assertEquals(pass.get("id"), session.get("passId"));
        assertEquals(List.of(), bank.debits(driver.account()), "nothing went to the bank");
        List<Map<String, Object>> charges = Users.ALICE.api().get("/api/v1/me/charges").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(charges.stream().noneMatch(c -> driver.plate().equals(c.get("plate"))), "no charge at all");
    }

    @Test
    void aHolderWithoutACardLeavesOnThePassAndAnotherOrganisationCannotTouchIt() {
        String plate = Plates.random();   // no vehicle, no card, no mandate: only the pass
        Map<String, Object> pass = createPass(siteId, plate, "BLUE", today(), today(), 201);
        String id = (String) pass.get("id");
        Users.OSCAR.api().get("/api/v1/operator/parking/lots/" + siteId + "/passes").then().statusCode(404);
        Users.OSCAR.api().body(passBody(plate, "BLUE", today(), today())).post("/api/v1/operator/parking/lots/" + siteId + "/passes")
                .then().statusCode(404);
        Users.OSCAR.api().body(Map.of("reason", "x")).post("/api/v1/operator/parking/passes/" + id + "/end").then().statusCode(404);
        List<Map<String, Object>> listed = Users.OLGA.api().get("/api/v1/operator/parking/lots/" + siteId + "/passes")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(listed.stream().anyMatch(p -> id.equals(p.get("id"))));

        entry.send(read(PlateRead.Direction.ENTRY, plate));
        LaneCommand out = exit.send(read(PlateRead.Direction.EXIT, plate));
        assertEquals("PASS", out.decision());
        assertEquals(LaneCommand.Action.OPEN_BARRIER, out.action());
    }

    @Test
    void aStayThatBeganBeforeThePassPaysOnlyThePartBefore() {
        Scenario.Enrolled driver = parkingDriver(10_000);
        createPass(siteId, driver.plate(), "BLUE", today(), today().plusDays(29), 201);
        // Entered half an hour before the pass's first day began (local midnight): that half hour is the first period.
        var midnight = today().atStartOfDay(ZoneId.of("Asia/Harbin")).toInstant();
        entry.send(read(PlateRead.Direction.ENTRY, driver.plate()).withCapturedAt(midnight.minus(Duration.ofMinutes(30))));

        LaneCommand out = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));

        assertEquals("PAID", out.decision());
        assertEquals(500L, out.amount(), "the evening's first period; the pass's day is free");
        assertEquals(10_000 - 500, bank.balance(driver.account()));
    }

    @Test
    void overlappingPassesAreRefusedAndAnEndedPassCoversNothing() {
        Scenario.Enrolled driver = parkingDriver(10_000);
        Map<String, Object> pass = createPass(siteId, driver.plate(), "BLUE", today().minusDays(5), today().plusDays(5), 201);
        String id = (String) pass.get("id");
        Users.OLGA.api().body(passBody(driver.plate(), "BLUE", today().plusDays(5), today().plusDays(40)))
                .post("/api/v1/operator/parking/lots/" + siteId + "/passes").then().statusCode(409).body("code", equalTo("PASS_OVERLAPS"));
        Users.OLGA.api().body(passBody(driver.plate(), "BLUE", today(), today().minusDays(1)))
                .post("/api/v1/operator/parking/lots/" + siteId + "/passes").then().statusCode(400).body("code", equalTo("INVALID_PASS_DATES"));
        Users.OLGA.api().body(passBody(Plates.newEnergy(), "BLUE", today(), today()))
                .post("/api/v1/operator/parking/lots/" + siteId + "/passes").then().statusCode(400).body("code", equalTo("INVALID_PLATE"));

        Users.OLGA.api().body(Map.of()).post("/api/v1/operator/parking/passes/" + id + "/end").then().statusCode(400);
        Users.OLGA.api().body(Map.of("reason", "refunded")).post("/api/v1/operator/parking/passes/" + id + "/end")
                .then().statusCode(200).body("status", equalTo("ENDED")).body("endReason", equalTo("refunded"));
        Users.OLGA.api().body(Map.of("reason", "again")).post("/api/v1/operator/parking/passes/" + id + "/end")
                .then().statusCode(409).body("code", equalTo("PASS_ENDED"));
        List<Map<String, Object>> audit = Users.ADA.api().queryParam("resourceId", id).get("/api/v1/admin/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(audit.stream().anyMatch(e -> "PARKING_PASS_ENDED".equals(e.get("action")) && "refunded".equals(e.get("detail"))));

        entry.send(read(PlateRead.Direction.ENTRY, driver.plate()));
        LaneCommand out = exit.send(read(PlateRead.Direction.EXIT, driver.plate()));
        assertEquals("PAID", out.decision(), "charged as any stay");
        assertEquals(500L, out.amount());
        // The days are free again for a new pass.
        createPass(siteId, driver.plate(), "BLUE", today(), today().plusDays(5), 201);
    }

    @Test
    void aPassPlateIsOnTheLanesSignedAllowList() throws Exception {
        String plate = Plates.random();
        createPass(siteId, plate, "BLUE", today(), today().plusDays(29), 201);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            AllowList list = exit.allowLists.poll(1, TimeUnit.SECONDS);
            if (list != null && list.plates().stream().anyMatch(p -> p.plate().equals(plate) && "PASS".equals(p.kind()))) {
                return;
            }
        }
        throw new AssertionError("the exit lane never got an allow-list with the pass of " + plate);
    }

    private static Map<String, Object> passBody(String plate, String colour, LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>(Map.of("plate", plate, "plateColour", colour, "validFrom", from.toString(),
                "validTo", to.toString()));
        body.put("holder", "Monthly customer");
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> createPass(String site, String plate, String colour, LocalDate from, LocalDate to, int status) {
        return Users.OLGA.api().body(passBody(plate, colour, from, to)).post("/api/v1/operator/parking/lots/" + site + "/passes")
                .then().statusCode(status).extract().as(Map.class);
    }

    private static PlateRead read(PlateRead.Direction direction, String plate) {
        return TestLane.read(direction, plate, 990, List.of(), false);
    }
}
