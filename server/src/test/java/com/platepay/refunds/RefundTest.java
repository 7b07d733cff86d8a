package com.platepay.refunds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Refunds on the real stack: the bank gives the money back under the refund's own key, the books balance, the driver
 * is told, and the total refunded never exceeds the charge, not even when operators refund the same charge at once.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class RefundTest extends StackTest {

    @Test
    void concurrentRefundsOfOneChargeNeverExceedIt() throws Exception {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000);
        String charge = approvedCharge(alice, 10_000);
        assertEquals(40_000, bank.balance(alice.account()));

        // Eight operators' clicks at once, 3,000 each, on a charge of 10,000: exactly three can pass.
        int n = 8;
        ExecutorService clicks = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Response> call = () -> {
                start.await();
                return Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 3_000, "reason", "pump meter fault"))
                        .post("/api/v1/operator/refunds");
            };
            answers.add(clicks.submit(call));
        }
        start.countDown();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Future<Response> f : answers) {
            Response r = f.get();
            String key = r.statusCode() + " " + (r.statusCode() == 201 ? r.path("status") : r.path("code"));
            outcomes.merge(key, 1, Integer::sum);
        }
        clicks.shutdown();
        assertEquals(Map.of("201 SUCCEEDED", 3, "409 REFUND_EXCEEDS_CHARGE", 5), outcomes);
        assertEquals(49_000, bank.balance(alice.account()), "the bank gave back exactly the three refunds");
        assertEquals(9_000, refunded(charge));

        // Above what is left: refused, and nothing moves; what is left exactly: accepted.
        Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 1_001, "reason", "x")).post("/api/v1/operator/refunds")
                .then().statusCode(409).body("code", equalTo("REFUND_EXCEEDS_CHARGE"));
        Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 1_000, "reason", "the rest")).post("/api/v1/operator/refunds")
                .then().statusCode(201).body("status", equalTo("SUCCEEDED")).body("amount", equalTo(1_000));
        assertEquals(50_000, bank.balance(alice.account()));
        Users.ADA.api().body(Map.of("chargeId", charge, "amount", 1, "reason", "x")).post("/api/v1/admin/refunds")
                .then().statusCode(409).body("code", equalTo("REFUND_EXCEEDS_CHARGE"));

        // The books: every posting sums to zero, and the refunds take back exactly what the approval posted.
        assertBooksBalance();
        assertEquals(0, Ledgers.count(pool, "select coalesce(sum(e.amount), 0) from ledger_entries e join ledger_postings p "
                + "on p.id = e.posting_id where p.charge_id = $1 and e.account = 'acquirer:receivable'", java.util.UUID.fromString(charge)));
        assertEquals(4, Ledgers.count(pool, "select count(*) from ledger_postings where charge_id = $1 and kind = 'REFUND'",
                java.util.UUID.fromString(charge)));

        // The driver is told of each refund and sees the refunded total on the charge.
        Users.ALICE.api().get("/api/v1/me/notifications").then()
                .body("findAll { it.kind == 'CHARGE_REFUNDED' && it.chargeId == '" + charge + "' }.size()", equalTo(4));
        Users.ALICE.api().get("/api/v1/me/history/" + charge).then().statusCode(200).body("charge.refunded", equalTo(10_000));
        Users.OLGA.api().queryParam("chargeId", charge).get("/api/v1/operator/refunds").then().statusCode(200)
                .body("size()", equalTo(4)).body("findAll { it.status == 'SUCCEEDED' }.size()", equalTo(4));
        Users.ADA.api().queryParam("resourceType", "REFUND").get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", hasItem("REFUND_SUCCEEDED"));
    }

    @Test
    void onlyTheSitesOperatorOrAnAdminRefundsAndOnlyAnApprovedCharge() {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 20_000);
        String charge = approvedCharge(alice, 5_000);
        String declined;
        try (TestHandheld handheld = newHandheld()) {
            ChargeResult r = handheld.charge(TestHandheld.request(Ids.newUuidV7(), alice.plate(), 60_000));
            assertEquals(ResultStatus.DECLINED, r.status());
            declined = chargeIdOf(r.chargeId());
        }
        Map<String, Object> body = Map.of("chargeId", charge, "amount", 1_000, "reason", "goodwill");
        given().contentType("application/json").body(body).post("/api/v1/operator/refunds").then().statusCode(401);
        Users.ALICE.api().body(body).post("/api/v1/operator/refunds").then().statusCode(403);
        Users.OSCAR.api().body(body).post("/api/v1/operator/refunds").then().statusCode(404);
        Users.OLGA.api().body(Map.of("chargeId", declined, "amount", 1_000, "reason", "x")).post("/api/v1/operator/refunds")
                .then().statusCode(409).body("code", equalTo("CHARGE_NOT_REFUNDABLE"));
        Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 0, "reason", "x")).post("/api/v1/operator/refunds").then().statusCode(400);
        Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 100)).post("/api/v1/operator/refunds").then().statusCode(400);
        Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 5_001, "reason", "x")).post("/api/v1/operator/refunds")
                .then().statusCode(409).body("code", equalTo("REFUND_EXCEEDS_CHARGE"));

        // The bank fails once: the refund is UNKNOWN with the amount still reserved; sent again under its key, it succeeds once.
        bank.faultOn("REFUND", "ERROR_500", 1, 0);
        String refund = Users.OLGA.api().body(body).post("/api/v1/operator/refunds").then().statusCode(201)
                .body("status", equalTo("UNKNOWN")).extract().path("id");
        assertEquals(1_000, refunded(charge));
        assertEquals(15_000, bank.balance(alice.account()));
        Users.OSCAR.api().post("/api/v1/operator/refunds/" + refund + "/retry").then().statusCode(404);
        Users.OLGA.api().post("/api/v1/operator/refunds/" + refund + "/retry").then().statusCode(200).body("status", equalTo("SUCCEEDED"))
                .body("attempts", equalTo(2));
        Users.OLGA.api().post("/api/v1/operator/refunds/" + refund + "/retry").then().statusCode(409)
                .body("code", equalTo("REFUND_NOT_RETRYABLE"));
        assertEquals(16_000, bank.balance(alice.account()));

        Users.ADA.api().body(Map.of("chargeId", charge, "amount", 500, "reason", "admin goodwill")).post("/api/v1/admin/refunds")
                .then().statusCode(201).body("status", equalTo("SUCCEEDED"));
        Users.OLGA.api().get("/api/v1/operator/refunds/" + refund).then().statusCode(200);
        Users.OSCAR.api().get("/api/v1/operator/refunds/" + refund).then().statusCode(404);
        assertEquals(1_500, refunded(charge));
        assertBooksBalance();
    }

    @Test
    void theJanitorSendsARefundWhoseAnswerWasLostAgainUnderItsOwnKey() {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 20_000);
        String charge = approvedCharge(alice, 6_000);
        bank.faultOn("REFUND", "ERROR_500", 2, 0);
        String lost = Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 1_000, "reason", "x")).post("/api/v1/operator/refunds")
                .then().statusCode(201).body("status", equalTo("UNKNOWN")).extract().path("id");
        String abandoned = Users.OLGA.api().body(Map.of("chargeId", charge, "amount", 2_000, "reason", "y")).post("/api/v1/operator/refunds")
                .then().statusCode(201).body("status", equalTo("UNKNOWN")).extract().path("id");
        assertEquals(14_000, bank.balance(alice.account()));
        // As if a minute had passed; and as if the server had stopped while the second one was with the bank.
        pool.preparedQuery("update refunds set updated_at = now() - interval '2 minutes' where id = $1")
                .execute(Tuple.of(java.util.UUID.fromString(lost))).await().indefinitely();
        pool.preparedQuery("update refunds set status = 'SENT', updated_at = now() - interval '2 minutes' where id = $1")
                .execute(Tuple.of(java.util.UUID.fromString(abandoned))).await().indefinitely();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                "SUCCEEDED".equals(Users.OLGA.api().get("/api/v1/operator/refunds/" + lost).then().extract().path("status")));
        Users.OLGA.api().get("/api/v1/operator/refunds/" + lost).then().body("attempts", equalTo(2));
        assertEquals(15_000, bank.balance(alice.account()), "sent again, refunded once");
        // Left SENT: its answer is lost, so it becomes UNKNOWN, and waits its turn like any other.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                "UNKNOWN".equals(Users.OLGA.api().get("/api/v1/operator/refunds/" + abandoned).then().extract().path("status")));
        Users.OLGA.api().get("/api/v1/operator/refunds/" + abandoned).then().body("failureCode", equalTo("ANSWER_LOST"));
        assertEquals(3_000, refunded(charge), "the lost one stays reserved until its answer is known");
        Users.ADA.api().queryParam("resourceType", "REFUND").queryParam("resourceId", lost).get("/api/v1/admin/audit").then()
                .body("find { it.action == 'REFUND_SUCCEEDED' }.actorName", equalTo("refund-janitor"));
        assertBooksBalance();
    }

    private String approvedCharge(Scenario.Enrolled driver, long amount) {
        try (TestHandheld handheld = newHandheld()) {
            ChargeResult paid = handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), amount));
            assertEquals(ResultStatus.APPROVED, paid.status());
            return chargeIdOf(paid.chargeId());
        }
    }

    private long refunded(String charge) {
        return Ledgers.count(pool, "select refunded from charges where id = $1", java.util.UUID.fromString(charge));
    }

    private String chargeIdOf(String chargeRef) {
        return pool.preparedQuery("select id from charges where charge_ref = $1").execute(Tuple.of(chargeRef))
                .await().indefinitely().iterator().next().getUUID(0).toString();
    }
}
