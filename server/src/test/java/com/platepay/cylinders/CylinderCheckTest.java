package com.platepay.cylinders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

import com.platepay.contracts.ContractSchemas;
import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.cylinder.CylinderCheckResult;
import com.platepay.protocol.cylinder.FillCodes;
import com.platepay.testing.Cylinders;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Plates;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cylinder registry (drivers register, operators confirm, every change audited) and the cylinder-check over
 * real MQTT: every refusal has its own code, a refusal to fill stands even when the vehicle could pay, and the
 * payment part reports the mandate and the caps left.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class CylinderCheckTest extends StackTest {

    /** Days far from today's edges, so the server's business zone cannot move a verdict. */
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    TestHandheld handheld;

    @BeforeEach
    void setUp() {
        handheld = newHandheld();
    }

    @AfterEach
    void tearDown() throws Exception {
        handheld.close();
        byte[] raw;
        while ((raw = handheld.rawResults.poll()) != null) {
            assertEquals(List.of(), ContractSchemas.validateEnvelope(ProtocolCodec.mapper().readTree(raw)), "results follow the contract");
        }
    }

    static CylinderCheckRequest byTag(String tag, String plate, String medium) {
        return new CylinderCheckRequest(Ids.newUuidV7(), tag, plate, plate == null ? null : "BLUE", medium, "3", "att-1");
    }

    @Test
    void aConfirmedCylinderInDateMayBeFilledAndTheVehiclePaysWithinItsCaps() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 500_000, 30_000, 100_000, List.of("GAS"));
        String tag = Cylinders.tag();
        String id = Cylinders.register(Users.ALICE, Cylinders.certificate(driver.vehicleId(), tag, TODAY, Map.of()));

        CylinderCheckResult pending = handheld.cylinderCheck(byTag(tag, driver.plate(), "CNG"));
        assertEquals(FillCodes.CYLINDER_UNCONFIRMED, pending.fillCode(), "a driver's word alone does not let a cylinder be filled");
        assertFalse(pending.mayFill());

        Users.OLGA.api().post("/api/v1/operator/cylinders/" + id + "/confirm").then().statusCode(200).body("status", equalTo("ACTIVE"));
        CylinderCheckResult result = handheld.cylinderCheck(byTag(tag, null, "CNG"));

        assertEquals(CylinderCheckResult.CHECKED, result.status());
        assertTrue(result.mayFill());
        assertEquals(FillCodes.FILL_ALLOWED, result.fillCode());
        assertTrue(result.mayPay(), "with only the tag, the registry names the vehicle: " + result);
        assertEquals(ReasonCodes.APPROVED, result.paymentCode());
        assertEquals(30_000L, result.remaining(), "the per-charge cap is the tightest");
        assertEquals("CNY", result.currency());
        assertEquals(driver.plate(), result.plate());
        assertEquals(TODAY.plusYears(1), result.nextInspectionDue());
        assertNotNull(result.checkId());
        assertEquals(1, Ledgers.count(pool, "select count(*) from cylinder_checks where id = $1::uuid", result.checkId()));
        assertEquals(List.of("CYLINDER_REGISTERED", "CYLINDER_CONFIRMED"), audit(id));
    }

    @Test
    void everyReasonToRefuseAFillHasItsOwnCodeAndStandsWhenTheVehicleCouldPay() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 500_000);
        Scenario.Enrolled other = scenario.enrolled(Users.BOB, 500_000);
        String v = driver.vehicleId();

        String otherPlate = Cylinders.tag();
        Cylinders.confirmed(Users.BOB, Cylinders.certificate(other.vehicleId(), otherPlate, TODAY, Map.of()));
        String unconfirmed = Cylinders.tag();
        Cylinders.register(Users.ALICE, Cylinders.certificate(v, unconfirmed, TODAY, Map.of()));
        String flagged = Cylinders.tag();
        String flaggedId = Cylinders.confirmed(Users.ALICE, Cylinders.certificate(v, flagged, TODAY, Map.of()));
        Users.ADA.api().body(Map.of("reason", "valve corroded")).post("/api/v1/admin/cylinders/" + flaggedId + "/flag")
                .then().statusCode(200).body("status", equalTo("FLAGGED"));
        String old = Cylinders.tag();
        Cylinders.confirmed(Users.ALICE, Cylinders.certificate(v, old, TODAY, Map.of("manufacturedOn", TODAY.minusYears(20).toString(),
                "designLifeYears", 15)));
        String overdue = Cylinders.tag();
        Cylinders.confirmed(Users.ALICE, Cylinders.certificate(v, overdue, TODAY, Map.of("lastInspectedOn", TODAY.minusYears(3).toString(),
                "nextInspectionDue", TODAY.minusDays(10).toString())));
        String lng = Cylinders.tag();
        Cylinders.confirmed(Users.ALICE, Cylinders.certificate(v, lng, TODAY, Map.of("medium", "LNG")));
        String retired = Cylinders.tag();
        String retiredId = Cylinders.confirmed(Users.ALICE, Cylinders.certificate(v, retired, TODAY, Map.of()));
        Users.ALICE.api().body(Map.of("reason", "replaced")).post("/api/v1/me/cylinders/" + retiredId + "/retire").then().statusCode(200);

        Map<String, String> expected = Map.of(
                Cylinders.tag(), FillCodes.CYLINDER_UNREGISTERED,
                retired, FillCodes.CYLINDER_UNREGISTERED,
                otherPlate, FillCodes.CYLINDER_OTHER_PLATE,
                unconfirmed, FillCodes.CYLINDER_UNCONFIRMED,
                flagged, FillCodes.CYLINDER_FLAGGED,
                old, FillCodes.PAST_DESIGN_LIFE,
                overdue, FillCodes.INSPECTION_OVERDUE,
                lng, FillCodes.MEDIUM_MISMATCH);
        expected.forEach((tag, code) -> {
            CylinderCheckResult r = handheld.cylinderCheck(byTag(tag, driver.plate(), "CNG"));
            assertEquals(code, r.fillCode(), tag);
            assertEquals(code, r.reasonCode());
            assertEquals(CylinderCheckResult.REFUSED, r.fill(), tag);
            assertFalse(r.mayFill());
            assertTrue(r.mayPay(), "the payment part passes, and the fill is still refused: " + r);
            assertNotNull(r.checkId());
        });

        // With only the plate, every cylinder in service on the vehicle is filled, so the first refusal stands.
        CylinderCheckResult byPlate = handheld.cylinderCheck(new CylinderCheckRequest(Ids.newUuidV7(), null, driver.plate(), "BLUE",
                "CNG", "3", "att-1"));
        assertEquals(FillCodes.CYLINDER_UNCONFIRMED, byPlate.fillCode());
        assertEquals(List.of("CYLINDER_REGISTERED", "CYLINDER_CONFIRMED", "CYLINDER_FLAGGED"), audit(flaggedId));
        assertEquals(List.of("CYLINDER_REGISTERED", "CYLINDER_CONFIRMED", "CYLINDER_RETIRED"), audit(retiredId));
    }

    @Test
    void thePaymentPartSaysWhyAVehicleCannotPayWithoutChangingTheFillAnswer() {
        String plate = Plates.random();
        String unverified = scenario.unverifiedVehicle(Users.CHEN, plate, "BLUE");
        String tag = Cylinders.tag();
        Cylinders.confirmed(Users.CHEN, Cylinders.certificate(unverified, tag, TODAY, Map.of()));

        CylinderCheckResult r = handheld.cylinderCheck(byTag(tag, plate, "CNG"));

        assertTrue(r.mayFill());
        assertFalse(r.mayPay());
        assertEquals(ReasonCodes.NOT_ENROLLED, r.paymentCode(), "a vehicle without a proof has no mandate");
        assertNull(r.remaining());

        Scenario.Enrolled paused = scenario.enrolled(Users.ALICE, 500_000);
        String pausedTag = Cylinders.tag();
        Cylinders.confirmed(Users.ALICE, Cylinders.certificate(paused.vehicleId(), pausedTag, TODAY, Map.of()));
        Users.ALICE.api().post("/api/v1/me/mandates/" + paused.mandateId() + "/pause").then().statusCode(200);
        CylinderCheckResult p = handheld.cylinderCheck(byTag(pausedTag, null, "CNG"));
        assertTrue(p.mayFill());
        assertEquals(ReasonCodes.MANDATE_PAUSED, p.paymentCode());

        CylinderCheckResult stranger = handheld.cylinderCheck(byTag(Cylinders.tag(), null, "CNG"));
        assertEquals(FillCodes.CYLINDER_UNREGISTERED, stranger.fillCode());
        assertEquals(ReasonCodes.NOT_ENROLLED, stranger.paymentCode());
    }

    @Test
    void aResendGetsTheSameCheckAndAReusedIdWithAnotherBodyIsRefused() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 500_000);
        String tag = Cylinders.tag();
        Cylinders.confirmed(Users.ALICE, Cylinders.certificate(driver.vehicleId(), tag, TODAY, Map.of()));
        CylinderCheckRequest request = byTag(tag, driver.plate(), "CNG");

        CylinderCheckResult first = handheld.cylinderCheck(request);
        CylinderCheckResult again = handheld.cylinderCheck(request);
        CylinderCheckResult conflict = handheld.cylinderCheck(new CylinderCheckRequest(request.requestId(), tag, driver.plate(), "BLUE",
                "LNG", "3", "att-1"));

        assertEquals(first.checkId(), again.checkId());
        assertEquals(CylinderCheckResult.REJECTED, conflict.status());
        assertEquals(ReasonCodes.IDEMPOTENCY_CONFLICT, conflict.reasonCode());
        assertEquals(1, Ledgers.count(pool, "select count(*) from cylinder_checks where request_ref = $1", request.requestId()));
    }

    @Test
    void aDriverSeesOnlyTheirOwnCylindersAndATagInServiceIsNotRegisteredTwice() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 500_000);
        String tag = Cylinders.tag();
        String id = Cylinders.register(Users.ALICE, Cylinders.certificate(driver.vehicleId(), tag, TODAY, Map.of()));

        Users.ALICE.api().get("/api/v1/me/cylinders/" + id).then().statusCode(200).body("tagId", equalTo(tag))
                .body("status", equalTo("PENDING"));
        Users.BOB.api().get("/api/v1/me/cylinders/" + id).then().statusCode(404);
        Users.BOB.api().body(Map.of("reason", "mine now")).post("/api/v1/me/cylinders/" + id + "/retire").then().statusCode(404);
        Users.ALICE.api().body(Cylinders.certificate(driver.vehicleId(), tag, TODAY, Map.of())).post("/api/v1/me/cylinders")
                .then().statusCode(409).body("code", equalTo("CYLINDER_TAG_IN_USE"));
        Users.BOB.api().body(Cylinders.certificate(driver.vehicleId(), Cylinders.tag(), TODAY, Map.of())).post("/api/v1/me/cylinders")
                .then().statusCode(404);
        Users.ALICE.api().body(Cylinders.certificate(driver.vehicleId(), Cylinders.tag(), TODAY,
                        Map.of("nextInspectionDue", TODAY.minusYears(2).toString()))).post("/api/v1/me/cylinders")
                .then().statusCode(400).body("code", equalTo("INVALID_DATES"));
        Users.OLGA.api().get("/api/v1/operator/cylinders").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.plate", equalTo(driver.plate()));
    }

    private List<String> audit(String cylinderId) {
        return Ledgers.strings(pool, "select action from audit_events where resource_type = 'CYLINDER' and resource_id = $1::uuid order by id",
                cylinderId);
    }
}
