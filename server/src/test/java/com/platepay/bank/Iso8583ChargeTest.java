package com.platepay.bank;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Iso8583TestStack;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Charges end to end with platepay.bank.acquirer=iso8583, against the jPOS acquirer host as its own process. */
@QuarkusTest
@WithTestResource(Iso8583TestStack.class)
class Iso8583ChargeTest extends StackTest {

    TestHandheld handheld;

    @BeforeEach
    void setUp() {
        handheld = newHandheld();
    }

    @AfterEach
    void tearDown() {
        bank.clearFaults();
        handheld.close();
        assertBooksBalance();
    }

    @Test
    void aChargeIsDebitedByA0200() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        ChargeResult result = handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 7_000));

        assertEquals(ResultStatus.APPROVED, result.status());
        assertEquals(ReasonCodes.APPROVED, result.reasonCode());
        assertEquals(43_000, bank.balance(driver.account()));
    }

    @Test
    void readinessReportsTheLink() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ISO 8583 acquirer link' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ISO 8583 acquirer link' }.data.'in use'", equalTo(true));
    }

    @Test
    void aDeclineFromTheHostReachesTheHandheldAsItsReason() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 1_000);
        ChargeResult result = handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 7_000));

        assertEquals(ResultStatus.DECLINED, result.status());
        assertEquals(ReasonCodes.INSUFFICIENT_FUNDS, result.reasonCode());
        assertEquals(1_000, bank.balance(driver.account()));
    }

    @Test
    void aDebitWithoutAnAnswerIsReversedByAdvice() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        hostFault(Map.of("on", "PURCHASE", "mode", "LATE_ANSWER", "count", 1, "delayMs", 3_000));
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 7_000);

        assertEquals(ReasonCodes.BANK_TIMEOUT, handheld.charge(request).reasonCode());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                "REVERSED".equals(pool.preparedQuery("select status from charges where charge_ref = $1")
                        .execute(Tuple.of(request.chargeId())).await().indefinitely()
                        .iterator().next().getString(0)));
        assertEquals(50_000, bank.balance(driver.account()), "the 0420 gave the money back");
    }

    private void hostFault(Map<String, Object> rule) {
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 0, "rules", List.of(rule)))
                .post(bankUrl + "/v1/faults").then().statusCode(200);
    }
}
