package com.platepay.charging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.bank.DebitOutcome;
import com.platepay.platform.ReactiveContext;
import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Scenario;
import com.platepay.testing.HandheldStackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Regression tests for the double-debit defects of issue #9, each reproduced before it was fixed. */
@QuarkusTest
@WithTestResource(TestStack.class)
class ExactlyOnceTest extends HandheldStackTest {

    @Inject
    ChargeService charges;
    @Inject
    ReactiveContext reactive;



    @Test
    void theSameChargeIdSpeltInUpperCaseIsTheSameCharge() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 200_000);
        String id = Ids.newUuidV7();
        ChargeRequest lower = TestHandheld.request(id, driver.plate(), 12_850);
        ChargeResult first = handheld.charge(lower);
        assertEquals(ResultStatus.APPROVED, first.status());

        ChargeRequest upper = new ChargeRequest(id.toUpperCase(Locale.ROOT), " " + driver.plate().substring(0, 2) + "·"
                + driver.plate().substring(2), lower.plateColour(), lower.amount(), lower.currency(), lower.volumeMilli(),
                lower.volumeUnit(), lower.unitPrice(), lower.pump(), lower.capturedAt(), lower.attendant());
        ChargeResult again = handheld.charge(upper);

        assertEquals(first, again, "the same charge, spelt differently, gets the stored answer");
        assertEquals(200_000 - 12_850, bank.balance(driver.account()), "debited once");
        assertEquals(1, Ledgers.count(pool, "select count(*) from charges where lower(charge_ref) = $1", id));
    }

    @Test
    void aLateBankAnswerCannotOverwriteTheJanitorsReversal() throws Exception {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000, 10_000, 10_000, List.of("GAS"));
        bank.fault("TIMEOUT_AFTER_PROCESSING", 1, 3_000);
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 7_000);
        assertEquals(ReasonCodes.BANK_TIMEOUT, handheld.charge(request).reasonCode());
        awaitStatus(request.chargeId(), "REVERSED");
        UUID chargeId = chargeIdOf(request.chargeId());
        // Another charge now holds part of the card's cap.
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 4_000)).status());

        // The bank's answers to the first debit arrive now, after the janitor ended it.
        ChargeResult late = reactive.run(() -> charges.recordBankAnswer(chargeId, new DebitOutcome.Approved("123456", "late"),
                UUID.randomUUID())).toCompletableFuture().get(10, TimeUnit.SECONDS);
        reactive.run(() -> charges.recordBankAnswer(chargeId, new DebitOutcome.Declined("INSUFFICIENT_FUNDS"), UUID.randomUUID()))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(ResultStatus.DECLINED, late.status());
        assertEquals("REVERSED", statusOf(request.chargeId()));
        assertEquals(0, Ledgers.count(pool, "select count(*) from ledger_postings where charge_id = $1", chargeId),
                "no posting for a reversed charge");
        assertEquals(4_000, Ledgers.count(pool, "select reserved from daily_usage u join cards c on c.pan_fingerprint = u.owner"
                + " where u.scope = 'CARD' and c.id = $1", UUID.fromString(driver.cardId())),
                "the reversed charge's reservation was given back once, and the other charge's is untouched");
        assertEquals(50_000 - 4_000, bank.balance(driver.account()));
    }

    @Test
    void aReversalThatKeepsFailingEndsWhereAPersonSeesIt() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        bank.faults(Map.of("on", "DEBIT", "mode", "TIMEOUT_AFTER_PROCESSING", "count", 1, "delayMs", 3_000),
                Map.of("on", "REVERSAL", "mode", "ERROR_500", "count", 1_000, "delayMs", 0));
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 7_000);
        assertEquals(ReasonCodes.BANK_TIMEOUT, handheld.charge(request).reasonCode());

        awaitStatus(request.chargeId(), "REVERSAL_FAILED");
        String chargeId = chargeIdOf(request.chargeId()).toString();
        Users.ADA.api().queryParam("status", "REVERSAL_FAILED").get("/api/v1/admin/charges").then().statusCode(200)
                .body("id", hasItem(chargeId));
        Users.ALICE.api().get("/api/v1/me/notifications").then()
                .body("find { it.kind == 'CHARGE_NEEDS_ATTENTION' && it.chargeId == '" + chargeId + "' }", notNullValue());
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("platepay_charges_reversal_failed_total") >= 1);
        assertEquals(50_000 - 7_000, bank.balance(driver.account()), "the money is still held: nothing pretends otherwise");

        // The bank is back; an admin asks again, and the janitor finishes the job.
        bank.clearFaults();
        Users.ADA.api().post("/api/v1/admin/charges/" + chargeId + "/retry-reversal").then().statusCode(200);
        awaitStatus(request.chargeId(), "REVERSED");
        assertEquals(50_000, bank.balance(driver.account()));
        Users.ADA.api().post("/api/v1/admin/charges/" + chargeId + "/retry-reversal").then().statusCode(409);
    }

    @Test
    void revokingAndRecreatingAMandateDoesNotRefillTheDailyCap() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000, 10_000, 10_000, List.of("GAS"));
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 8_000)).status());
        Users.ALICE.api().post("/api/v1/me/mandates/" + driver.mandateId() + "/revoke").then().statusCode(200);
        scenario.mandate(Users.ALICE, driver.vehicleId(), driver.cardId(), 10_000, 10_000, List.of("GAS"));

        assertEquals(ReasonCodes.OVER_DAILY_CAP,
                handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 5_000)).reasonCode());
    }

    @Test
    void aSecondVehicleOnTheSameCardSharesItsDailyCap() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000, 10_000, 10_000, List.of("GAS"));
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 8_000)).status());
        String secondPlate = com.platepay.testing.Plates.random();
        String secondVehicle = scenario.vehicle(Users.ALICE, secondPlate);
        scenario.mandate(Users.ALICE, secondVehicle, driver.cardId(), 10_000, 10_000, List.of("GAS"));

        assertEquals(ReasonCodes.OVER_DAILY_CAP,
                handheld.charge(TestHandheld.request(Ids.newUuidV7(), secondPlate, 5_000)).reasonCode());
    }

    @Test
    void theSameCardInASecondAccountSharesItsDailyCap() {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000, 10_000, 10_000, List.of("GAS"));
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), alice.plate(), 8_000)).status());
        String bobsPlate = com.platepay.testing.Plates.random();
        String bobsVehicle = scenario.vehicle(Users.BOB, bobsPlate);
        String sameCard = scenario.card(Users.BOB, alice.account());
        scenario.mandate(Users.BOB, bobsVehicle, sameCard, 10_000, 10_000, List.of("GAS"));

        assertEquals(ReasonCodes.OVER_DAILY_CAP,
                handheld.charge(TestHandheld.request(Ids.newUuidV7(), bobsPlate, 5_000)).reasonCode());
        assertEquals(50_000 - 8_000, bank.balance(alice.account()));
    }

    @Test
    void aCopyOfAChargeStillInFlightIsAnsweredInProgress() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        bank.fault("TIMEOUT_BEFORE_PROCESSING", 1, 600);   // slow, but inside the server's 800 ms bank timeout
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 3_000);
        handheld.send(handheld.envelopeFor(request));
        await().atMost(Duration.ofSeconds(5)).until(() -> "AUTHORIZING".equals(statusOf(request.chargeId())));
        handheld.send(handheld.envelopeFor(request));

        ChargeResult firstAnswer = handheld.awaitResult(request.chargeId(), Duration.ofSeconds(10)).orElseThrow();
        ChargeResult secondAnswer = handheld.awaitResult(request.chargeId(), Duration.ofSeconds(10)).orElseThrow();

        List<ChargeResult> answers = List.of(firstAnswer, secondAnswer);
        assertTrue(answers.stream().anyMatch(r -> r.status() == ResultStatus.REJECTED && ReasonCodes.IN_PROGRESS.equals(r.reasonCode())),
                () -> "expected one IN_PROGRESS answer, got " + answers);
        assertTrue(answers.stream().anyMatch(r -> r.status() == ResultStatus.APPROVED), () -> "got " + answers);
        assertEquals(50_000 - 3_000, bank.balance(driver.account()));
    }

    @Test
    void aChargeWithoutAColourIsTakenOnlyWhenThePlateProvesItsColour() {
        Scenario.Enrolled blue = scenario.enrolled(Users.ALICE, 50_000);
        ChargeResult noColour = handheld.charge(TestHandheld.request(Ids.newUuidV7(), blue.plate(), null, 1_000));
        assertEquals(ResultStatus.DECLINED, noColour.status());
        assertEquals(ReasonCodes.PLATE_COLOUR_REQUIRED, noColour.reasonCode());
        assertEquals(50_000, bank.balance(blue.account()));
        assertEquals(ReasonCodes.NOT_ENROLLED,
                handheld.charge(TestHandheld.request(Ids.newUuidV7(), blue.plate(), "YELLOW", 1_000)).reasonCode(),
                "a yellow plate with the same text is another vehicle");

        String green = com.platepay.testing.Plates.newEnergy();
        var account = bank.openAccount("DEBIT", 50_000);
        String vehicle = scenario.vehicle(Users.ALICE, green, "GREEN");
        scenario.mandate(Users.ALICE, vehicle, scenario.card(Users.ALICE, account), 50_000, 100_000, List.of("GAS"));
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), green, null, 1_000)).status());
    }

    private long metric(String name) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(-1);
    }

    private UUID chargeIdOf(String chargeRef) {
        return pool.preparedQuery("select id from charges where charge_ref = $1").execute(Tuple.of(chargeRef))
                .await().indefinitely().iterator().next().getUUID(0);
    }

    private String statusOf(String chargeRef) {
        var rows = pool.preparedQuery("select status from charges where charge_ref = $1").execute(Tuple.of(chargeRef))
                .await().indefinitely();
        return rows.size() == 0 ? null : rows.iterator().next().getString(0);
    }

    private void awaitStatus(String chargeRef, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> status.equals(statusOf(chargeRef)));
    }
}
