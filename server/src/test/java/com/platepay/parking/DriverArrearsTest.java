package com.platepay.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.testing.Plates;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestLane;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A driver sees the stays a lot let out in arrears and settles them with the card bound to the plate. */
@QuarkusTest
@WithTestResource(TestStack.class)
class DriverArrearsTest extends LotTest {

    @Test
    void theDriverSeesTheArrearsAndADoubleClickOnSettleDebitsThemOnce() {
        Scenario.Enrolled driver = parkingDriver(10_000);
        String sessionId = leaveInArrears(driver, "ERROR_500");   // the bank failed at the exit: 5.00 owed, nothing moved

        List<Map<String, Object>> owed = arrears(Users.ALICE);
        Map<String, Object> mine = owed.stream().filter(a -> sessionId.equals(a.get("sessionId"))).findFirst().orElseThrow();
        assertEquals(500, mine.get("amount"));
        assertEquals("CNY", mine.get("currency"));
        assertEquals("BANK_TIMEOUT", mine.get("declineReason"));
        assertEquals(3, mine.get("settleAttemptsLeft"));
        assertEquals(driver.plate(), mine.get("plate"));
        assertEquals("Site PARKING", mine.get("lotName"));
        assertTrue(arrears(Users.BOB).stream().noneMatch(a -> sessionId.equals(a.get("sessionId"))), "another driver does not see it");
        Users.BOB.api().post(settlePath(sessionId)).then().statusCode(404);

        // Two clicks at once, while the bank takes its time with the first: one attempt, one debit.
        bank.fault("TIMEOUT_BEFORE_PROCESSING", 1, 300);
        List<CompletableFuture<Map<String, Object>>> clicks = Stream.of(1, 2)
                .map(i -> CompletableFuture.supplyAsync(() -> settle(Users.ALICE, sessionId))).toList();
        List<Object> answers = clicks.stream().map(CompletableFuture::join).map(a -> a.get("status")).toList();
        assertTrue(answers.contains("PAID"), answers.toString());
        assertTrue(Set.of("PAID", "CHARGING").containsAll(answers), answers.toString());

        assertEquals("PAID", settle(Users.ALICE, sessionId).get("status"), "a later click finds it settled");
        assertEquals(10_000 - 500, bank.balance(driver.account()));
        assertEquals(1, debitsWithStatus(driver.account(), "APPROVED"));
        assertEquals("PAID", session(sessionId).get("status"));
        assertTrue(arrears(Users.ALICE).stream().noneMatch(a -> sessionId.equals(a.get("sessionId"))), "nothing owed any more");
        List<Map<String, Object>> charges = Users.ALICE.api().get("/api/v1/me/charges").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, charges.stream().filter(c -> driver.plate().equals(c.get("plate")) && "APPROVED".equals(c.get("status"))).count(),
                "the driver sees the one parking debit");
    }

    @Test
    void aDeclinedSettlementStaysInArrearsAndTheAppMayTryOnlyMaxDebitAttemptsTimes() {
        saveLot(siteId, Map.of("maxDebitAttempts", 2));
        Scenario.Enrolled driver = parkingDriver(100);
        String sessionId = leaveInArrears(driver, null);   // 1.00 on the card for a 5.00 stay

        Map<String, Object> first = settle(Users.ALICE, sessionId);
        assertEquals("ARREARS", first.get("status"));
        assertEquals("INSUFFICIENT_FUNDS", first.get("declineReason"));
        assertEquals(1, first.get("settleAttemptsLeft"));
        assertEquals(0, settle(Users.ALICE, sessionId).get("settleAttemptsLeft"));
        Users.ALICE.api().post(settlePath(sessionId)).then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("SETTLE_ATTEMPTS_USED"));

        assertEquals(3, debitsWithStatus(driver.account(), "DECLINED"), "the exit and two settlements; the third click asked the bank nothing");
        assertEquals(100, bank.balance(driver.account()));
        assertEquals("ARREARS", session(sessionId).get("status"));
    }

    @Test
    void onlyAStayInArrearsWithTheDriversOwnActiveMandateIsSettled() {
        Scenario.Enrolled driver = parkingDriver(10_000);
        String sessionId = leaveInArrears(driver, "ERROR_500");
        Users.ALICE.api().post("/api/v1/me/mandates/" + driver.mandateId() + "/pause").then().statusCode(200);
        Users.ALICE.api().post(settlePath(sessionId)).then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("NO_USABLE_MANDATE"));
        assertEquals(0, debitsWithStatus(driver.account(), "APPROVED"));

        Users.ALICE.api().post("/api/v1/me/mandates/" + driver.mandateId() + "/resume").then().statusCode(200);
        assertEquals("PAID", settle(Users.ALICE, sessionId).get("status"));

        // A stay paid at the exit was never owed: it is nobody's arrears.
        Scenario.Enrolled other = parkingDriver(10_000, Plates.random());
        entry.send(TestLane.read(PlateRead.Direction.ENTRY, other.plate(), 990, List.of(), false));
        LaneCommand paid = exit.send(TestLane.read(PlateRead.Direction.EXIT, other.plate(), 990, List.of(), false));
        assertEquals("PAID", paid.decision());
        Users.ALICE.api().post(settlePath(paid.sessionId())).then().statusCode(404);
    }

    /** Enters and exits; the exit's debit is declined (by a bank fault, or for want of money) and the car let out. */
    private String leaveInArrears(Scenario.Enrolled driver, String bankFault) {
        entry.send(TestLane.read(PlateRead.Direction.ENTRY, driver.plate(), 990, List.of(), false));
        if (bankFault != null) {
            bank.fault(bankFault, 1, 0);
        }
        LaneCommand out = exit.send(TestLane.read(PlateRead.Direction.EXIT, driver.plate(), 990, List.of(), false));
        assertEquals("ARREARS", out.decision());
        assertEquals(LaneCommand.Action.OPEN_BARRIER, out.action());
        return out.sessionId();
    }

    private static List<Map<String, Object>> arrears(Users driver) {
        return driver.api().get("/api/v1/me/parking/arrears").then().statusCode(200).extract().jsonPath().getList("$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settle(Users driver, String sessionId) {
        return driver.api().post(settlePath(sessionId)).then().statusCode(200).extract().as(Map.class);
    }

    private static String settlePath(String sessionId) {
        return "/api/v1/me/parking/arrears/" + sessionId + "/settle";
    }
}
