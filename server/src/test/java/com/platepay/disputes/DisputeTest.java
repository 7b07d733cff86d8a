package com.platepay.disputes;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.testing.Plates;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestLane;
import com.platepay.testing.TestLots;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A driver disputes a charge and follows it; the site's operator takes it up and decides (the operator console of
 * #14 will use these endpoints). The evidence is what the system held: site, device, pump or lane, times, plate,
 * and for parking the stay and the plate crops' hashes.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class DisputeTest extends StackTest {

    @Test
    void aDriverDisputesAGasChargeAndTheSitesOperatorDecides() {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000);
        String chargeId;
        String declinedId;
        try (TestHandheld handheld = newHandheld()) {
            ChargeResult paid = handheld.charge(TestHandheld.request(Ids.newUuidV7(), alice.plate(), 12_850));
            assertEquals(ResultStatus.APPROVED, paid.status());
            chargeId = chargeIdOf(paid.chargeId());
            ChargeResult declined = handheld.charge(TestHandheld.request(Ids.newUuidV7(), alice.plate(), 60_000));
            declinedId = chargeIdOf(declined.chargeId());
        }
        Users.ALICE.api().body(Map.of("chargeId", declinedId, "reason", "WRONG_AMOUNT")).post("/api/v1/me/disputes")
                .then().statusCode(409).body("code", equalTo("CHARGE_NOT_DISPUTABLE"));
        Users.BOB.api().body(Map.of("chargeId", chargeId, "reason", "NOT_MY_VEHICLE")).post("/api/v1/me/disputes")
                .then().statusCode(404);

        String dispute = Users.ALICE.api().body(Map.of("chargeId", chargeId, "reason", "WRONG_AMOUNT",
                        "description", "I filled 20 m3, not 30")).post("/api/v1/me/disputes")
                .then().statusCode(201).body("status", equalTo("OPEN"))
                .body("evidence.siteName", equalTo("Site GAS")).body("evidence.deviceName", equalTo("dev"))
                .body("evidence.pumpOrLane", equalTo("3")).body("evidence.attendant", equalTo("att-1"))
                .body("evidence.plate", equalTo(alice.plate())).body("evidence.amount", equalTo(12_850))
                .body("evidence.volumeMilli", equalTo(25_300)).body("evidence.capturedAt", notNullValue())
                .body("evidence.maskedCard", equalTo(alice.account().pan().substring(0, 6) + "******" + alice.account().pan().substring(12)))
                .extract().path("id");
        Users.ALICE.api().body(Map.of("chargeId", chargeId, "reason", "DUPLICATE")).post("/api/v1/me/disputes")
                .then().statusCode(409).body("code", equalTo("DISPUTE_EXISTS"));
        Users.BOB.api().get("/api/v1/me/disputes/" + dispute).then().statusCode(404);
        Users.ALICE.api().get("/api/v1/me/history/" + chargeId).then().statusCode(200).body("charge.disputeStatus", equalTo("OPEN"))
                .body("evidence.siteName", equalTo("Site GAS"));

        // Olga runs the site: she sees it; Oscar's organisation does not.
        Users.OSCAR.api().get("/api/v1/operator/disputes/" + dispute).then().statusCode(404);
        Users.OSCAR.api().post("/api/v1/operator/disputes/" + dispute + "/review").then().statusCode(404);
        Users.OLGA.api().queryParam("status", "OPEN").get("/api/v1/operator/disputes").then().statusCode(200).body("id", hasItem(dispute));
        Users.OLGA.api().post("/api/v1/operator/disputes/" + dispute + "/review").then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW")).body("handledBy", equalTo("olga"));
        Users.OLGA.api().post("/api/v1/operator/disputes/" + dispute + "/review").then().statusCode(409)
                .body("code", equalTo("INVALID_DISPUTE_STATE"));
        Users.OLGA.api().body(Map.of("outcome", "WITHDRAWN", "note", "x")).post("/api/v1/operator/disputes/" + dispute + "/resolve")
                .then().statusCode(400);
        Users.OLGA.api().body(Map.of("outcome", "REJECTED", "note", "the pump's meter log shows 30 m3"))
                .post("/api/v1/operator/disputes/" + dispute + "/resolve").then().statusCode(200).body("status", equalTo("REJECTED"));

        Users.ALICE.api().get("/api/v1/me/disputes/" + dispute).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("resolutionNote", equalTo("the pump's meter log shows 30 m3")).body("resolvedAt", notNullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("handledBy")));
        Users.ALICE.api().post("/api/v1/me/disputes/" + dispute + "/withdraw").then().statusCode(409);
        Users.ALICE.api().body(Map.of("chargeId", chargeId, "reason", "OTHER")).post("/api/v1/me/disputes")
                .then().statusCode(409).body("code", equalTo("DISPUTE_ALREADY_DECIDED"));
        Users.ALICE.api().get("/api/v1/me/notifications").then()
                .body("findAll { it.kind == 'DISPUTE_UPDATED' && it.chargeId == '" + chargeId + "' }.size()", equalTo(3));
        Users.ADA.api().queryParam("resourceType", "DISPUTE").queryParam("resourceId", dispute).get("/api/v1/admin/audit")
                .then().body("action", hasItem("DISPUTE_OPENED")).body("action", hasItem("DISPUTE_RESOLVED"));
    }

    @Test
    void aDriverWithdrawsAndTheEvidenceOfAParkingChargeHasTheStayAndThePlateCrops() {
        String site = TestLots.lot(scenario, Users.OLGA);
        String plate = Plates.random();
        var account = bank.openAccount("DEBIT", 10_000);
        String vehicle = scenario.vehicle(Users.ALICE, plate);
        scenario.mandate(Users.ALICE, vehicle, scenario.card(Users.ALICE, account), 50_000, 100_000, List.of("PARKING"));
        LaneCommand paid;
        try (TestLane entry = TestLots.lane(scenario, Users.OLGA, site, "entry-1", "ENTRY", mqttPort);
             TestLane exit = TestLots.lane(scenario, Users.OLGA, site, "exit-1", "EXIT", mqttPort)) {
            entry.send(TestLane.read(PlateRead.Direction.ENTRY, plate, 990, List.of(), false));
            paid = exit.send(TestLane.read(PlateRead.Direction.EXIT, plate, 990, List.of(), false));
        }
        assertEquals("PAID", paid.decision());
        String chargeId = pool.preparedQuery("select id from charges where plate = $1").execute(Tuple.of(plate)).await().indefinitely()
                .iterator().next().getUUID(0).toString();
        String crop = TestLane.read(PlateRead.Direction.EXIT, plate, 990, List.of(), false).cropSha256();

        String dispute = Users.ALICE.api().body(Map.of("chargeId", chargeId, "reason", "NOT_MY_VEHICLE")).post("/api/v1/me/disputes")
                .then().statusCode(201).body("evidence.category", equalTo("PARKING")).body("evidence.pumpOrLane", equalTo("exit-1"))
                .body("evidence.parking.sessionId", equalTo(paid.sessionId())).body("evidence.parking.entryAt", notNullValue())
                .body("evidence.parking.exitCropSha256", equalTo(crop)).body("evidence.parking.entryCropSha256", equalTo(crop))
                .body("evidence.parking.exitConfidence", equalTo(990)).extract().path("id");
        Users.ALICE.api().post("/api/v1/me/disputes/" + dispute + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        Users.OLGA.api().post("/api/v1/operator/disputes/" + dispute + "/review").then().statusCode(409);
        // Withdrawn is not decided: the driver may dispute it again.
        Users.ALICE.api().body(Map.of("chargeId", chargeId, "reason", "OTHER")).post("/api/v1/me/disputes").then().statusCode(201);
        assertBooksBalance();
    }

    private String chargeIdOf(String chargeRef) {
        return pool.preparedQuery("select id from charges where charge_ref = $1").execute(Tuple.of(chargeRef))
                .await().indefinitely().iterator().next().getUUID(0).toString();
    }
}
