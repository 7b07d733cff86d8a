package com.platepay.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestIdentities;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operators create attendant accounts in Keycloak for their sites; an attendant sees only those sites' charges. */
@QuarkusTest
@WithTestResource(TestStack.class)
class AttendantAccountsTest extends StackTest {

    @Test
    void anAttendantSeesOnlyTheirOwnSitesRecentCharges() {
        String station = scenario.site(Users.OLGA, "GAS");
        String otherStation = scenario.site(Users.OLGA, "GAS");
        String username = "att-" + Ids.newUuidV7().substring(28).toLowerCase();

        JsonPath issued = Users.OLGA.api().body(newAttendant(username, List.of(station)))
                .post("/api/v1/operator/attendants").then().statusCode(201)
                .body("attendant.username", equalTo(username))
                .body("attendant.siteIds", equalTo(List.of(station)))
                .body("attendant.status", equalTo("ACTIVE"))
                .extract().jsonPath();
        String attendantId = issued.getString("attendant.id");
        String temporaryPassword = issued.getString("temporaryPassword");
        assertTrue(temporaryPassword.length() >= 12);

        // The temporary password must be replaced at the first (browser) sign-in: it opens no API session.
        TestIdentities identities = TestIdentities.get();
        assertThrows(RuntimeException.class,
                () -> identities.admin().passwordGrant(TestIdentities.TEST_CLIENT, username, temporaryPassword));
        String password = TestIdentities.randomPassword();
        identities.admin().createUser(username, password, username + "@platepay.test", "Ann", "Attendant", "attendant");
        String token = identities.admin().passwordGrant(TestIdentities.TEST_CLIENT, username, password);

        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 10_000);
        String here = chargeAt(station, driver.plate());
        String elsewhere = chargeAt(otherStation, driver.plate());

        RestAssured.given().auth().oauth2(token).get("/api/v1/attendant/sites").then().statusCode(200)
                .body("id", equalTo(List.of(station)));
        RestAssured.given().auth().oauth2(token).get("/api/v1/attendant/charges").then().statusCode(200)
                .body("chargeId", equalTo(List.of(here)));
        RestAssured.given().auth().oauth2(token).get("/api/v1/attendant/charges?siteId=" + otherStation).then().statusCode(404);
        String elsewhereId = Users.OLGA.api().get("/api/v1/operator/charges?siteId=" + otherStation).then().statusCode(200)
                .extract().path("[0].id");
        assertEquals(elsewhere, Users.OLGA.api().get("/api/v1/operator/charges/" + elsewhereId).then().extract().path("chargeId"));
        RestAssured.given().auth().oauth2(token).get("/api/v1/attendant/charges/" + elsewhereId).then().statusCode(404);
        RestAssured.given().auth().oauth2(token).get("/api/v1/operator/sites").then().statusCode(403);
        RestAssured.given().auth().oauth2(token).get("/api/v1/me/vehicles").then().statusCode(403);

        // Moved to the other station: from now on it sees that one only. Nobody else moves Olga's attendant, and an
        // attendant of Olga's cannot be given another organisation's site.
        String oscars = scenario.site(Users.OSCAR, "GAS");
        Users.OSCAR.api().body(Map.of("siteIds", List.of(oscars))).put("/api/v1/operator/attendants/" + attendantId + "/sites")
                .then().statusCode(404);
        Users.OLGA.api().body(Map.of("siteIds", List.of(oscars))).put("/api/v1/operator/attendants/" + attendantId + "/sites")
                .then().statusCode(404);
        Users.OLGA.api().body(Map.of("siteIds", List.of())).put("/api/v1/operator/attendants/" + attendantId + "/sites")
                .then().statusCode(400);
        Users.OLGA.api().body(Map.of("siteIds", List.of(otherStation))).put("/api/v1/operator/attendants/" + attendantId + "/sites")
                .then().statusCode(200).body("siteIds", equalTo(List.of(otherStation)));
        RestAssured.given().auth().oauth2(token).get("/api/v1/attendant/sites").then().statusCode(200)
                .body("id", equalTo(List.of(otherStation)));
        RestAssured.given().auth().oauth2(token).get("/api/v1/attendant/charges/" + elsewhereId).then().statusCode(200);

        // Disabled: refused at once, even with a token that has not expired; and no new sign-in.
        Users.OLGA.api().post("/api/v1/operator/attendants/" + attendantId + "/disable").then().statusCode(200)
                .body("status", equalTo("DISABLED"));
        RestAssured.given().auth().oauth2(token).get("/api/v1/attendant/charges").then().statusCode(403)
                .body("code", equalTo("NOT_AN_ATTENDANT"));
        assertThrows(RuntimeException.class, () -> identities.admin().passwordGrant(TestIdentities.TEST_CLIENT, username, password));
        Users.OSCAR.api().post("/api/v1/operator/attendants/" + attendantId + "/disable").then().statusCode(404);
    }

    @Test
    void attendantRequestsAreValidatedAndUsernamesAreUnique() {
        String station = scenario.site(Users.OLGA, "GAS");
        String username = "dup-" + Ids.newUuidV7().substring(28).toLowerCase();
        Users.OLGA.api().body(newAttendant(username, List.of(station))).post("/api/v1/operator/attendants").then().statusCode(201);
        Users.OLGA.api().body(newAttendant(username, List.of(station))).post("/api/v1/operator/attendants").then().statusCode(409)
                .body("code", equalTo("USERNAME_TAKEN"));
        Users.OLGA.api().body(newAttendant("Bad Name!", List.of(station))).post("/api/v1/operator/attendants").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        Users.OLGA.api().body(newAttendant("nosites-" + Ids.newUuidV7().substring(30).toLowerCase(), List.of()))
                .post("/api/v1/operator/attendants").then().statusCode(400);
        Users.OLGA.api().get("/api/v1/operator/attendants").then().statusCode(200)
                .body("findAll { it.username == '" + username + "' }", hasSize(1));
    }

    private String chargeAt(String siteId, String plate) {
        String chargeRef = Ids.newUuidV7();
        try (TestHandheld handheld = new TestHandheld(scenario.device(Users.OLGA, siteId, "HANDHELD"), "127.0.0.1", mqttPort)) {
            assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(chargeRef, plate, 100)).status());
        }
        return chargeRef;
    }

    private static Map<String, Object> newAttendant(String username, List<String> siteIds) {
        return Map.of("username", username, "email", username.replaceAll("[^a-z0-9]", "") + "@platepay.test",
                "firstName", "Ann", "lastName", "Attendant", "siteIds", siteIds);
    }
}
