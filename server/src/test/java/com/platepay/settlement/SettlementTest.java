package com.platepay.settlement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A site's day reconciled against the simulated bank's settlement file: a clean day matches line by line, and a
 * difference injected on either side (a debit placed at the bank directly; an approval only the ledger holds) is
 * listed with its explanation, and the day cannot be closed until nothing differs.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class SettlementTest extends StackTest {

    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aDayReconcilesLineByLineAndEachInjectedDifferenceIsListedAndExplained() {
        String site = scenario.site(Users.OLGA, "GAS");
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 100_000);
        String first;
        String declined;
        String reversedRef;
        try (TestHandheld handheld = new TestHandheld(scenario.device(Users.OLGA, site, "HANDHELD"), "127.0.0.1", mqttPort)) {
            first = chargeIdOf(charge(handheld, alice.plate(), 10_000, ResultStatus.APPROVED));
            charge(handheld, alice.plate(), 5_000, ResultStatus.APPROVED);
            declined = chargeIdOf(charge(handheld, alice.plate(), 60_000, ResultStatus.DECLINED));
            // The bank takes the money but answers too late: the janitor reverses it; the bank's file has both lines.
            bank.fault("TIMEOUT_AFTER_PROCESSING", 1, 3_000);
            reversedRef = charge(handheld, alice.plate(), 2_500, ResultStatus.DECLINED);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "REVERSED".equals(statusOf(reversedRef)));
        Users.OLGA.api().body(Map.of("chargeId", first, "amount", 2_000, "reason", "meter fault")).post("/api/v1/operator/refunds")
                .then().statusCode(201).body("status", equalTo("SUCCEEDED"));

        String today = LocalDate.now(SITE_ZONE).toString();
        JsonPath clean = report(site, today);
        assertEquals("Asia/Shanghai", clean.getString("timeZone"));
        assertEquals(15_000, clean.getLong("ledger.approved"));
        assertEquals(2, clean.getInt("ledger.approvedCount"));
        assertEquals(2_000, clean.getLong("ledger.refunded"));
        assertEquals(2_500, clean.getLong("ledger.reversed"));
        assertEquals(17_500, clean.getLong("bank.debits"));
        assertEquals(2_500, clean.getLong("bank.reversals"));
        assertEquals(2_000, clean.getLong("bank.refunds"));
        assertEquals(78, clean.getLong("fees"), "0.6 % of 13,000");
        assertEquals(13_000 - 78, clean.getLong("net"));
        assertTrue(clean.getBoolean("reconciled"), clean.prettify());
        assertEquals(List.of("MATCHED", "MATCHED", "MATCHED", "REVERSED_SAME_DAY"), clean.<String>getList("items.outcome").stream().sorted().toList());
        assertEquals(false, clean.getBoolean("dayOver"));
        Users.OLGA.api().body(Map.of("siteId", site, "date", today)).post("/api/v1/operator/settlement/close")
                .then().statusCode(409).body("code", equalTo("DAY_NOT_OVER"));

        // Bank has, ledger lacks: a debit placed at the bank directly, under this site's merchant id.
        String stray = "stray-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("Idempotency-Key", stray)
                .body(Map.of("pan", alice.account().pan(), "expiryMonth", 12, "expiryYear", 2031, "amount", 777, "currency", "CNY",
                        "merchantId", site, "reference", "not through PlatePay"))
                .post(bankUrl + "/v1/debits").then().statusCode(200).body("status", equalTo("APPROVED"));
        // Ledger has, bank lacks: an approval posted for a charge the bank declined... never: the bank never saw it.
        pool.preparedQuery("""
                with p as (insert into ledger_postings (id, charge_id, kind) values (gen_random_uuid(), $1, 'CHARGE_APPROVED') returning id)
                insert into ledger_entries (posting_id, account, amount, currency)
                select p.id, e.a, e.x, 'CNY' from p, (values ('acquirer:receivable', 600), ($2, -600)) as e (a, x)""")
                .execute(Tuple.of(UUID.fromString(declined), "operator:" + clean.getString("operatorId") + ":payable"))
                .await().indefinitely();

        JsonPath differing = report(site, today);
        assertEquals(false, differing.getBoolean("reconciled"));
        assertEquals(2, differing.getInt("differences"));
        assertEquals(4, differing.getInt("matched"));
        Map<String, Object> bankOnly = differing.getMap("items.find { it.key == '" + stray + "' }");
        assertEquals("BANK_HAS_LEDGER_LACKS", bankOnly.get("outcome"));
        assertEquals(777, bankOnly.get("bankAmount"));
        assertTrue(bankOnly.get("explanation").toString().contains("never asked for"), bankOnly.toString());
        Map<String, Object> ledgerOnly = differing.getMap("items.find { it.key == '" + declined + "' }");
        assertEquals("LEDGER_HAS_BANK_LACKS", ledgerOnly.get("outcome"));
        assertEquals(600, ledgerOnly.get("ledgerAmount"));
        assertTrue(ledgerOnly.get("explanation").toString().contains("no debit"), ledgerOnly.toString());
        // Nothing unmatched: every line of the bank's file and of the ledger is in exactly one item.
        int bankLines = differing.getInt("bank.lines");
        long bankSide = differing.<Map<String, Object>>getList("items").stream().filter(i -> i.get("bankAmount") != null).count();
        long reversedPairs = differing.<String>getList("items.outcome").stream().filter("REVERSED_SAME_DAY"::equals).count();
        assertEquals(bankLines, bankSide + reversedPairs, "a same-day reversal item stands for its debit and its reversal");

        Users.OLGA.api().queryParam("siteId", site).queryParam("date", today).get("/api/v1/operator/settlement/csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString("BANK_HAS_LEDGER_LACKS,DEBIT," + stray)).body(containsString("LEDGER_HAS_BANK_LACKS,DEBIT," + declined));
        Users.OSCAR.api().queryParam("siteId", site).queryParam("date", today).get("/api/v1/operator/settlement").then().statusCode(404);
        Users.ADA.api().queryParam("siteId", site).queryParam("date", today).get("/api/v1/admin/settlement").then().statusCode(200)
                .body("differences", equalTo(2));
        Users.OLGA.api().queryParam("siteId", site).queryParam("date", "yesterday").get("/api/v1/operator/settlement").then().statusCode(400);
    }

    @Test
    void aDayThatIsOverAndReconcilesIsClosedOnce() {
        String site = scenario.site(Users.OLGA, "GAS");
        String yesterday = LocalDate.now(SITE_ZONE).minusDays(1).toString();
        JsonPath quiet = report(site, yesterday);
        assertTrue(quiet.getBoolean("reconciled"));
        assertTrue(quiet.getBoolean("dayOver"));
        Users.OSCAR.api().body(Map.of("siteId", site, "date", yesterday)).post("/api/v1/operator/settlement/close").then().statusCode(404);
        Users.OLGA.api().body(Map.of("siteId", site, "date", yesterday)).post("/api/v1/operator/settlement/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedBy", equalTo("olga"));
        Users.OLGA.api().body(Map.of("siteId", site, "date", yesterday)).post("/api/v1/operator/settlement/close").then().statusCode(409)
                .body("code", equalTo("DAY_ALREADY_CLOSED"));
        Users.ADA.api().queryParam("resourceType", "SETTLEMENT_DAY").get("/api/v1/admin/audit").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItem("SETTLEMENT_DAY_CLOSED"));
    }

    /**
     * A day with takings closes with the platform's fee taken from the ledger's net, reconciled with the bank. A day
     * is over only after its takings, so the site's zone is set, after them, to an offset whose midnight comes a few
     * seconds later: the day that holds them ends then, on both sides (the bank's file is asked for in that zone too).
     */
    @Test
    void aDayWithTakingsClosesWithItsFeePostedToTheLedger() {
        String site = scenario.site(Users.OLGA, "GAS");
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 100_000);
        List<String> charges;
        try (TestHandheld handheld = new TestHandheld(scenario.device(Users.OLGA, site, "HANDHELD"), "127.0.0.1", mqttPort)) {
            charges = List.of(chargeIdOf(charge(handheld, alice.plate(), 12_345, ResultStatus.APPROVED)),
                    chargeIdOf(charge(handheld, alice.plate(), 8_000, ResultStatus.APPROVED)));
        }
        String refund = Users.OLGA.api().body(Map.of("chargeId", charges.get(0), "amount", 2_345, "reason", "meter fault"))
                .post("/api/v1/operator/refunds").then().statusCode(201).body("status", equalTo("SUCCEEDED")).extract().path("id");

        Instant midnight = Instant.now().plusSeconds(4);
        ZoneOffset zone = endsItsDayAt(midnight);
        pool.preparedQuery("update sites set time_zone = $2 where id = $1").execute(Tuple.of(UUID.fromString(site), zone.getId()))
                .await().indefinitely();
        String day = midnight.minusSeconds(1).atOffset(zone).toLocalDate().toString();
        Users.OLGA.api().body(Map.of("siteId", site, "date", day)).post("/api/v1/operator/settlement/close")
                .then().statusCode(409).body("code", equalTo("DAY_NOT_OVER"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> report(site, day).getBoolean("dayOver"));

        JsonPath report = report(site, day);
        assertTrue(report.getBoolean("reconciled"), report.prettify());
        assertEquals(20_345, report.getLong("ledger.approved"));
        assertEquals(2_345, report.getLong("ledger.refunded"));
        assertEquals(20_345, report.getLong("bank.debits"));
        assertEquals(2_345, report.getLong("bank.refunds"));
        assertEquals(108, report.getLong("fees"), "0.6 % of 18,000");
        assertEquals(18_000 - 108, report.getLong("net"));
        assertEquals(List.of("MATCHED", "MATCHED", "MATCHED"), report.<String>getList("items.outcome"));
        assertTrue(report.<String>getList("items.key").contains(refund));

        JsonPath closed = Users.OLGA.api().body(Map.of("siteId", site, "date", day)).post("/api/v1/operator/settlement/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).extract().jsonPath();
        assertEquals(108, closed.getLong("fees"));
        assertEquals(18_000 - 108, closed.getLong("net"));
        // The fee is one posting that sums to zero: the operator's payable gives it to the platform's fee income.
        String payable = "operator:" + report.getString("operatorId") + ":payable";
        List<String> entries = new java.util.ArrayList<>();
        pool.preparedQuery("""
                        select e.account, e.amount from ledger_postings p join ledger_entries e on e.posting_id = p.id
                        where p.kind = 'SETTLEMENT_FEE' and e.account in ($1, 'platform:fees')""")
                .execute(Tuple.of(payable)).await().indefinitely().forEach(r -> entries.add(r.getString("account") + " " + r.getLong("amount")));
        assertTrue(entries.contains("platform:fees -108") && entries.contains(payable + " 108"), entries.toString());
        assertEquals(108, report(site, day).getLong("fees"), "a closed day reports the fee it posted");
        assertBooksBalance();
        // Back to the platform's zone: a bare offset is read with the opposite sign by PostgreSQL's AT TIME ZONE (POSIX),
        // which the console's charts use; the other tests of this run should not meet such a site.
        pool.preparedQuery("update sites set time_zone = null where id = $1").execute(Tuple.of(UUID.fromString(site))).await().indefinitely();
    }

    /** The fixed offset (within +-18 h) whose local midnight is {@code midnight}. */
    private static ZoneOffset endsItsDayAt(Instant midnight) {
        int secondOfDay = (int) Math.floorMod(midnight.getEpochSecond(), 86_400L);
        int offset = Math.floorMod(-secondOfDay, 86_400);
        return ZoneOffset.ofTotalSeconds(offset > 64_800 ? offset - 86_400 : offset);
    }

    private JsonPath report(String site, String date) {
        return Users.OLGA.api().queryParam("siteId", site).queryParam("date", date).get("/api/v1/operator/settlement")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String charge(TestHandheld handheld, String plate, long amount, ResultStatus expected) {
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), plate, amount);
        ChargeResult result = handheld.charge(request);
        assertEquals(expected, result.status());
        return result.chargeId();
    }

    private String statusOf(String chargeRef) {
        return pool.preparedQuery("select status from charges where charge_ref = $1").execute(Tuple.of(chargeRef))
                .await().indefinitely().iterator().next().getString(0);
    }

    private String chargeIdOf(String chargeRef) {
        return pool.preparedQuery("select id from charges where charge_ref = $1").execute(Tuple.of(chargeRef))
                .await().indefinitely().iterator().next().getUUID(0).toString();
    }
}
