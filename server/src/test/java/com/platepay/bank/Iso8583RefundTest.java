package com.platepay.bank;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Iso8583TestStack;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds end to end with platepay.bank.acquirer=iso8583: an 0200 with processing code 20 naming the charge's
 * purchase in field 90, under the refund's own STAN and RRN, against the jPOS acquirer host as its own process.
 */
@QuarkusTest
@WithTestResource(Iso8583TestStack.class)
class Iso8583RefundTest extends StackTest {

    @AfterEach
    void books() {
        bank.clearFaults();
        assertBooksBalance();
    }

    @Test
    void aPartialRefundGivesTheMoneyBackAndARetryAfterALostAnswerNeverPaysTwice() {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000);
        String charge = approvedCharge(alice, 7_000);
        assertEquals(43_000, bank.balance(alice.account()));

        Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 2_500, "reason", "pump 3 over-read")).post("/api/v1/operator/refunds")
                .then().statusCode(201).body("status", equalTo("SUCCEEDED"));
        assertEquals(45_500, bank.balance(alice.account()), "the host credited the card of the purchase");

        // The host books the refund and its answer is lost: UNKNOWN, with the amount reserved against the charge.
        hostFault(Map.of("on", "REFUND", "mode", "NO_ANSWER", "count", 1));
        String lost = Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 1_000, "reason", "goodwill")).post("/api/v1/operator/refunds")
                .then().statusCode(201).body("status", equalTo("UNKNOWN")).extract().path("id");
        assertEquals(46_500, bank.balance(alice.account()), "the money went back, though nobody heard it");
        // Sent again under its key: the same STAN and RRN, which the host knows; it answers as before and moves nothing.
        Users.OLGA.api().post("/api/v1/operator/refunds/" + lost + "/retry").then().statusCode(200).body("status", equalTo("SUCCEEDED"))
                .body("attempts", equalTo(2));
        assertEquals(46_500, bank.balance(alice.account()), "a retried refund never pays twice");
        assertEquals(3_500, Ledgers.count(pool, "select refunded from charges where id = $1", UUID.fromString(charge)));

        // A host that refuses (here: told to answer 05) fails the refund, and the reservation is given back.
        hostFault(Map.of("on", "REFUND", "mode", "RESPOND", "count", 1, "responseCode", "05"));
        Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 500, "reason", "x")).post("/api/v1/operator/refunds")
                .then().statusCode(201).body("status", equalTo("FAILED")).body("failureCode", equalTo("DO_NOT_HONOUR"));
        assertEquals(3_500, Ledgers.count(pool, "select refunded from charges where id = $1", UUID.fromString(charge)));
        assertEquals(46_500, bank.balance(alice.account()));
    }

    private String approvedCharge(Scenario.Enrolled driver, long amount) {
        try (TestHandheld handheld = newHandheld()) {
            ChargeResult paid = handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), amount));
            assertEquals(ResultStatus.APPROVED, paid.status());
            return pool.preparedQuery("select id from charges where charge_ref = $1").execute(Tuple.of(paid.chargeId()))
                    .await().indefinitely().iterator().next().getUUID(0).toString();
        }
    }

    private void hostFault(Map<String, Object> rule) {
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 0, "rules", List.of(rule)))
                .post(bankUrl + "/v1/faults").then().statusCode(200);
    }
}
