package com.platepay.activity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The driver's live stream (server-sent events, fed by PostgreSQL NOTIFY on commit) and the filterable history, on
 * the real stack: a charge from a handheld reaches its driver's open stream with site, pump, amount and card, and
 * nobody else's.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class DriverStreamTest extends StackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An open stream, read line by line on its own thread. */
    static final class Stream implements AutoCloseable {
        final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final InputStream body;
        final int status;

        Stream(Users user) throws Exception {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + "/api/v1/me/events"))
                    .header("Authorization", "Bearer " + user.token()).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            body = response.body();
            Thread reader = new Thread(this::read, "sse-" + user.name);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                        events.add(event);
                    } else if (line.startsWith("data:") && "notification".equals(event)) {
                        notifications.add(JSON.readTree(line.substring(5).trim()));
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }

        JsonNode next(Duration within) throws InterruptedException {
            return notifications.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Test
    void aChargeReachesItsDriversOpenStreamAtOnceAndNobodyElses() throws Exception {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000);
        try (Stream alices = new Stream(Users.ALICE); Stream bobs = new Stream(Users.BOB); TestHandheld handheld = newHandheld()) {
            assertEquals(200, alices.status);
            assertEquals("ready", alices.events.poll(10, TimeUnit.SECONDS), "the stream says it is open");
            assertEquals("ready", bobs.events.poll(10, TimeUnit.SECONDS));
            String chargeRef = Ids.newUuidV7();
            assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(chargeRef, alice.plate(), 12_850)).status());

            JsonNode event = alices.next(Duration.ofSeconds(10));
            assertTrue(event != null, "the driver's stream got the charge");
            assertEquals("CHARGE_APPROVED", event.path("kind").asText());
            JsonNode charge = event.path("charge");
            assertEquals(chargeRef, charge.path("chargeRef").asText());
            assertEquals(12_850, charge.path("amount").asLong());
            assertEquals("Site GAS", charge.path("siteName").asText());
            assertEquals("3", charge.path("pumpOrLane").asText());
            assertEquals("GAS", charge.path("category").asText());
            assertTrue(charge.path("maskedCard").asText().endsWith(alice.account().pan().substring(12)));
            assertEquals(null, bobs.next(Duration.ofSeconds(2)), "another driver's stream gets nothing of it");
        }
    }

    @Test
    void aStreamNeedsADriversToken() {
        RestAssured.given().get("/api/v1/me/events").then().statusCode(401);
        RestAssured.given().auth().oauth2(Users.OLGA.token()).get("/api/v1/me/events").then().statusCode(403);
    }

    @Test
    void theHistoryFiltersByStatusCategoryPlateAndDayAndShowsOnlyTheDriversOwn() {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000, 10_000, 100_000, List.of("GAS"));
        Scenario.Enrolled bob = scenario.enrolled(Users.BOB, 50_000);
        try (TestHandheld handheld = newHandheld()) {
            handheld.charge(TestHandheld.request(Ids.newUuidV7(), alice.plate(), 1_000));
            handheld.charge(TestHandheld.request(Ids.newUuidV7(), alice.plate(), 20_000));   // over the per-charge cap
            handheld.charge(TestHandheld.request(Ids.newUuidV7(), bob.plate(), 1_000));
        }
        Users.ALICE.api().queryParam("plate", alice.plate()).get("/api/v1/me/history").then().statusCode(200)
                .body("size()", equalTo(2)).body("plate", everyItem(equalTo(alice.plate())));
        Users.ALICE.api().queryParam("plate", alice.plate()).queryParam("status", "DECLINED").get("/api/v1/me/history").then()
                .body("size()", equalTo(1)).body("[0].reasonCode", equalTo("OVER_CHARGE_CAP")).body("[0].amount", equalTo(20_000));
        Users.ALICE.api().queryParam("plate", alice.plate()).queryParam("category", "PARKING").get("/api/v1/me/history").then()
                .body("size()", equalTo(0));
        Users.ALICE.api().queryParam("plate", alice.plate()).queryParam("from", "2000-01-01").queryParam("to", "2000-01-02")
                .get("/api/v1/me/history").then().body("size()", equalTo(0));
        Users.ALICE.api().queryParam("plate", alice.plate()).queryParam("limit", 1).get("/api/v1/me/history").then()
                .body("size()", equalTo(1)).body("[0].amount", equalTo(20_000));
        Users.ALICE.api().get("/api/v1/me/history").then().body("plate", not(hasItem(bob.plate())));
        Users.ALICE.api().queryParam("status", "PAID").get("/api/v1/me/history").then().statusCode(400).body("code", equalTo("INVALID_FILTER"));
        Users.ALICE.api().queryParam("from", "yesterday").get("/api/v1/me/history").then().statusCode(400);
        Users.ALICE.api().queryParam("limit", 0).get("/api/v1/me/history").then().statusCode(400);
        String bobsCharge = Users.BOB.api().queryParam("plate", bob.plate()).get("/api/v1/me/history").then().extract().path("[0].id");
        Users.ALICE.api().get("/api/v1/me/history/" + bobsCharge).then().statusCode(404);
        Users.ALICE.api().get("/api/v1/me/feed").then().statusCode(200).body("kind", hasItem("CHARGE_DECLINED"))
                .body("find { it.kind == 'CHARGE_DECLINED' }.charge.reasonCode", equalTo("OVER_CHARGE_CAP"));
    }
}
