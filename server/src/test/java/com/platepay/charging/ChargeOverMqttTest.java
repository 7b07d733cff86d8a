package com.platepay.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plate + amount from a handheld over real MQTT debits the bound card at the simulated bank, exactly once. */
@QuarkusTest
@WithTestResource(TestStack.class)
class ChargeOverMqttTest extends StackTest {

    TestHandheld handheld;

    @BeforeEach
    void setUp() {
        handheld = newHandheld();
    }

    @AfterEach
    void booksBalance() {
        handheld.close();
        bank.clearFaults();
        assertBooksBalance();
    }

    @Test
    void approvedChargeDebitsTheCardOnceAndTellsTheDriver() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 12_850);

        ChargeResult result = handheld.charge(request);

        assertEquals(ResultStatus.APPROVED, result.status());
        assertEquals(ReasonCodes.APPROVED, result.reasonCode());
        assertEquals(request.chargeId(), result.chargeId());
        assertEquals(12_850, result.amount());
        assertNotNull(result.approvalCode());
        assertTrue(result.maskedCard().endsWith(driver.account().pan().substring(12)));
        assertTrue(result.maskedCard().contains("*"), "only a masked card goes to devices");
        assertEquals(50_000 - 12_850, bank.balance(driver.account()));

        Users.ALICE.api().get("/api/v1/me/charges").then().statusCode(200)
                .body("find { it.chargeId == '" + request.chargeId() + "' }.status", equalTo("APPROVED"))
                .body("find { it.chargeId == '" + request.chargeId() + "' }.amount", equalTo(12_850));
        Users.ALICE.api().get("/api/v1/me/notifications").then().statusCode(200)
                .body("find { it.kind == 'CHARGE_APPROVED' && it.body.contains('" + driver.plate() + "') }.title",
                        equalTo("Paid CNY 128.50"));
        Users.OLGA.api().get("/api/v1/operator/charges").then().statusCode(200)
                .body("find { it.chargeId == '" + request.chargeId() + "' }.status", equalTo("APPROVED"));
        assertEquals(1, Ledgers.count(pool, "select count(*) from ledger_postings p join charges c on c.id = p.charge_id "
                + "where c.charge_ref = $1", request.chargeId()));
    }

    @Test
    void theSameChargeIdAgainGetsTheSameResultAndNeverASecondDebit() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 2_000);

        ChargeResult first = handheld.charge(request);
        ChargeResult second = handheld.charge(request);
        ChargeResult third = handheld.charge(request);

        assertEquals(ResultStatus.APPROVED, first.status());
        assertEquals(first, second);
        assertEquals(first, third);
        assertEquals(48_000, bank.balance(driver.account()));
        assertEquals(1, bank.debits(driver.account()).size());
    }

    @Test
    void theSameChargeIdWithADifferentAmountIsRefusedAndChangesNothing() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        String chargeId = Ids.newUuidV7();
        handheld.charge(TestHandheld.request(chargeId, driver.plate(), 1_000));

        ChargeResult conflict = handheld.charge(TestHandheld.request(chargeId, driver.plate(), 9_000));

        assertEquals(ResultStatus.REJECTED, conflict.status());
        assertEquals(ReasonCodes.IDEMPOTENCY_CONFLICT, conflict.reasonCode());
        assertEquals(49_000, bank.balance(driver.account()));
    }

    @Test
    void duplicatesSentAtOnceStillDebitOnce() throws Exception {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 3_000);
        for (int i = 0; i < 5; i++) {
            handheld.send(handheld.envelopeFor(request));
        }
        // Each copy is answered: with the stored result, or (while the first is at the bank) IN_PROGRESS.
        List<ChargeResult> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(handheld.awaitResult(request.chargeId(), Duration.ofSeconds(15)).orElseThrow());
        }
        assertEquals(1, answers.stream().filter(r -> r.status() == ResultStatus.APPROVED).map(ChargeResult::approvalCode).distinct().count(),
                () -> "one approval, repeated: " + answers);
        assertTrue(answers.stream().allMatch(r -> r.status() == ResultStatus.APPROVED || ReasonCodes.IN_PROGRESS.equals(r.reasonCode())),
                () -> "got " + answers);
        assertEquals(47_000, bank.balance(driver.account()));
        assertEquals(1, bank.debits(driver.account()).size());
    }

    @Test
    void businessRefusalsAreDeclinedWithTheirOwnReasonAndChargeNothing() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000, 10_000, 20_000, List.of("GAS"));
        assertDeclined(driver, 10_001, ReasonCodes.OVER_CHARGE_CAP);
        assertDeclined(new Scenario.Enrolled(com.platepay.testing.Plates.random(), null, null, null, null), 100,
                ReasonCodes.NOT_ENROLLED);

        Users.ALICE.api().post("/api/v1/me/mandates/" + driver.mandateId() + "/pause").then().statusCode(200);
        assertDeclined(driver, 100, ReasonCodes.MANDATE_PAUSED);
        Users.ALICE.api().post("/api/v1/me/mandates/" + driver.mandateId() + "/revoke").then().statusCode(200);
        assertDeclined(driver, 100, ReasonCodes.MANDATE_REVOKED);
        assertEquals(50_000, bank.balance(driver.account()));

        Scenario.Enrolled parkingOnly = scenario.enrolled(Users.ALICE, 50_000, 10_000, 20_000, List.of("PARKING"));
        assertDeclined(parkingOnly, 100, ReasonCodes.CATEGORY_NOT_ALLOWED);
        assertEquals(50_000, bank.balance(parkingOnly.account()));

        Scenario.Enrolled poor = scenario.enrolled(Users.ALICE, 500);
        assertDeclined(poor, 501, ReasonCodes.INSUFFICIENT_FUNDS);
        assertEquals(500, bank.balance(poor.account()));
        // The refused amount did not use up the daily cap.
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), poor.plate(), 500)).status());
    }

    @Test
    void theDailyCapHoldsAcrossCharges() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000, 6_000, 10_000, List.of("GAS"));
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 6_000)).status());
        assertDeclined(driver, 4_001, ReasonCodes.OVER_DAILY_CAP);
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 4_000)).status());
        assertEquals(40_000, bank.balance(driver.account()));
    }

    private void assertDeclined(Scenario.Enrolled driver, long amount, String reason) {
        ChargeResult result = handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), amount));
        assertEquals(ResultStatus.DECLINED, result.status(), () -> "expected a decline with " + reason + ", got " + result);
        assertEquals(reason, result.reasonCode());
        assertNotNull(result.message());
    }
}
