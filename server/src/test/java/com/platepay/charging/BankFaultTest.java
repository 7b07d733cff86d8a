package com.platepay.charging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.HandheldStackTest;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the bank does not answer in time the attendant hears "declined", and the janitor makes that true:
 * whatever the bank did, the driver ends up not charged, and the daily cap is given back.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class BankFaultTest extends HandheldStackTest {



    @Test
    void bankTimesOutAfterTakingTheMoneyAndTheJanitorGivesItBack() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000, 10_000, 10_000, List.of("GAS"));
        bank.fault("TIMEOUT_AFTER_PROCESSING", 1, 3_000);
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 7_000);

        ChargeResult result = handheld.charge(request);

        assertEquals(ResultStatus.DECLINED, result.status());
        assertEquals(ReasonCodes.BANK_TIMEOUT, result.reasonCode());
        awaitStatus(request.chargeId(), "REVERSED");
        await().atMost(Duration.ofSeconds(10)).until(() -> bank.balance(driver.account()) == 50_000);
        // Asking again gives the same answer and moves nothing.
        assertEquals(result, handheld.charge(request));
        assertEquals(50_000, bank.balance(driver.account()));
        // The reversed charge gave its reservation back: the full daily cap is usable again.
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 10_000)).status());
        Users.ALICE.api().get("/api/v1/me/notifications").then()
                .body("find { it.kind == 'CHARGE_REVERSED' && it.body.contains('" + driver.plate() + "') }", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void debitThatReachesTheBankAfterTheReversalIsRefusedByTheBank() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        bank.fault("TIMEOUT_BEFORE_PROCESSING", 1, 4_000);
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 7_000);

        assertEquals(ReasonCodes.BANK_TIMEOUT, handheld.charge(request).reasonCode());
        awaitStatus(request.chargeId(), "REVERSED");
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> bank.debits(driver.account()).stream().allMatch(d -> !"APPROVED".equals(d.get("status"))));
        assertEquals(50_000, bank.balance(driver.account()));
    }

    @Test
    void bankErrorsAreDeclinedAndNeverRetriedBlind() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        bank.fault("ERROR_500", 1, 0);
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 7_000);

        assertEquals(ReasonCodes.BANK_TIMEOUT, handheld.charge(request).reasonCode());
        awaitStatus(request.chargeId(), "REVERSED");
        assertEquals(50_000, bank.balance(driver.account()));
        assertEquals(0, bank.debits(driver.account()).stream().filter(d -> "APPROVED".equals(d.get("status"))).count());
    }

    private void awaitStatus(String chargeRef, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                status.equals(pool.preparedQuery("select status from charges where charge_ref = $1")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(chargeRef)).await().indefinitely().iterator().next().getString(0)));
    }
}
