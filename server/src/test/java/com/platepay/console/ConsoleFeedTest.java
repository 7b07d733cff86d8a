package com.platepay.console;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.cylinder.CylinderCheckResult;
import com.platepay.protocol.cylinder.FillCodes;
import com.platepay.testing.Cylinders;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The console's feed: the operator's own charges only, listed and streamed as they commit; the charts' figures. */
@QuarkusTest
@WithTestResource(TestStack.class)
class ConsoleFeedTest extends StackTest {

    @Test
    void theOperatorsChargesAreStreamedAsTheyCommitAndNobodyElseSeesThem() throws Exception {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000);
        BlockingQueue<String> olgas = stream(Users.OLGA);
        BlockingQueue<String> oscars = stream(Users.OSCAR);
        assertEquals("event:ready", next(olgas, "event:"));
        assertEquals("event:ready", next(oscars, "event:"));
        String ref;
        try (TestHandheld handheld = newHandheld()) {
            ChargeResult paid = handheld.charge(TestHandheld.request(Ids.newUuidV7(), alice.plate(), 3_300));
            assertEquals(ResultStatus.APPROVED, paid.status());
            ref = paid.chargeId();
        }
        String data = null;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); System.nanoTime() < end; ) {
            String line = olgas.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("data:") && line.contains(ref) && line.contains("APPROVED")) {
                data = line;
                break;
            }
        }
        assertTrue(data != null, "Olga's stream carries the approved charge");
        assertTrue(data.contains("\"amount\":3300"), data);
        for (String line = oscars.poll(1, TimeUnit.SECONDS); line != null; line = oscars.poll(200, TimeUnit.MILLISECONDS)) {
            assertTrue(!line.contains(ref), "Oscar's stream never carries Olga's charge: " + line);
        }
        Users.OLGA.api().queryParam("status", "APPROVED").get("/api/v1/operator/console/charges").then().statusCode(200)
                .body("chargeRef", hasItem(ref));
        Users.OSCAR.api().get("/api/v1/operator/console/charges").then().statusCode(200)
                .body("findAll { it.chargeRef == '" + ref + "' }.size()", equalTo(0));
        Users.OLGA.api().queryParam("status", "NOPE").get("/api/v1/operator/console/charges").then().statusCode(400);
        Users.OLGA.api().get("/api/v1/operator/console/stats").then().statusCode(200).body("days.size()", org.hamcrest.Matchers.greaterThan(0));
        Users.OLGA.api().get("/api/v1/operator/console/devices").then().statusCode(200).body("lastSeen", org.hamcrest.Matchers.hasItem(
                org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void cylinderChecksAreListedAndStreamedToTheirOperatorOnly() throws Exception {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000);
        BlockingQueue<String> olgas = stream(Users.OLGA);
        BlockingQueue<String> oscars = stream(Users.OSCAR);
        assertEquals("event:ready", next(olgas, "event:"));
        assertEquals("event:ready", next(oscars, "event:"));
        CylinderCheckResult checked;
        try (TestHandheld handheld = newHandheld()) {
            checked = handheld.cylinderCheck(new CylinderCheckRequest(Ids.newUuidV7(), Cylinders.tag(), alice.plate(), "BLUE", "CNG", "3", "att-1"));
        }
        assertEquals(CylinderCheckResult.CHECKED, checked.status());
        assertEquals(FillCodes.CYLINDER_UNREGISTERED, checked.fillCode());
        String data = null;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); System.nanoTime() < end && data == null; ) {
            String line = olgas.poll(1, TimeUnit.SECONDS);
            if ("event:check".equals(line == null ? null : line.replace(" ", ""))) {
                String next = olgas.poll(5, TimeUnit.SECONDS);
                if (next != null && next.contains(checked.checkId())) {
                    data = next;
                }
            }
        }
        assertTrue(data != null, "Olga's stream carries the cylinder check");
        assertTrue(data.contains("\"fillCode\":\"CYLINDER_UNREGISTERED\""), data);
        for (String line = oscars.poll(1, TimeUnit.SECONDS); line != null; line = oscars.poll(200, TimeUnit.MILLISECONDS)) {
            assertTrue(!line.contains(checked.checkId()), "Oscar's stream never carries Olga's check: " + line);
        }
        Users.OLGA.api().get("/api/v1/operator/console/checks").then().statusCode(200).body("id", hasItem(checked.checkId()))
                .body("find { it.id == '" + checked.checkId() + "' }.paymentCode", org.hamcrest.Matchers.notNullValue());
        Users.OSCAR.api().get("/api/v1/operator/console/checks").then().statusCode(200)
                .body("findAll { it.id == '" + checked.checkId() + "' }.size()", equalTo(0));
    }

    @Test
    void chartDaysAreEachSitesOwnLocalDays() {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000);
        String site = scenario.site(Users.OLGA, "GAS");
        ZoneId siteZone = ZoneId.of("Pacific/Pago_Pago");   // UTC-11, no summer time: far from the platform's zone
        pool.preparedQuery("update sites set time_zone = $2 where id = $1").execute(Tuple.of(UUID.fromString(site), siteZone.getId()))
                .await().indefinitely();
        String ref;
        try (TestHandheld handheld = new TestHandheld(scenario.device(Users.OLGA, site, "HANDHELD"), "127.0.0.1", mqttPort)) {
            ChargeResult paid = handheld.charge(TestHandheld.request(Ids.newUuidV7(), alice.plate(), 4_400));
            assertEquals(ResultStatus.APPROVED, paid.status());
            ref = paid.chargeId();
        }
        // As if it had been paid at 01:00 yesterday in Beijing: still the day before in Pago Pago.
        Instant paidAt = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).atTime(1, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        pool.preparedQuery("update charges set created_at = $2 where charge_ref = $1")
                .execute(Tuple.of(ref, paidAt.atOffset(ZoneOffset.UTC))).await().indefinitely();
        LocalDate siteDay = paidAt.atZone(siteZone).toLocalDate();

        String body = Users.OLGA.api().get("/api/v1/operator/console/stats").then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath stats = new io.restassured.path.json.JsonPath(body);
        List<Map<String, Object>> ofSite = stats.getList("days.findAll { it.siteId == '" + site + "' }");
        assertEquals(1, ofSite.size(), body);
        assertEquals(siteDay.toString(), ofSite.get(0).get("day"), "the charge counts on the site's own day");
        assertEquals(4_400, ((Number) ofSite.get(0).get("revenue")).intValue());
    }

    private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); System.nanoTime() < end; ) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line.replace(" ", "");
            }
        }
        return null;
    }

    private static BlockingQueue<String> stream(Users user) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/operator/console/events"))
                .header("Authorization", "Bearer " + user.token()).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build();
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                }
            } catch (Exception e) {
                lines.add("error:" + e);
            }
        }, "sse-" + user.name);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
