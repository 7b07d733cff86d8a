package com.platepay.identity;

import static org.awaitility.Awaitility.await;

import com.platepay.testing.TestIdentities;
import com.platepay.testing.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A token stops opening the API when Keycloak no longer stands behind it, before it expires: its user disabled, or
 * its session ended. (The server asks Keycloak's introspection endpoint and caches the answer briefly; the tests
 * run with a 2 s cache.)
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class RevocationTest {

    private static final String CLIENT = TestIdentities.TEST_CLIENT;

    @Test
    void aDisabledDriverIsRefusedBeforeTheTokenExpires() {
        String token = newDriverToken("dora");
        RestAssured.given().auth().oauth2(token).get("/api/v1/me/vehicles").then().statusCode(200);

        TestIdentities.get().admin().disableUser("dora");

        awaitRefused(token);
    }

    @Test
    void aTokenOfAnEndedSessionIsRefused() {
        String token = newDriverToken("erin");
        RestAssured.given().auth().oauth2(token).get("/api/v1/me/vehicles").then().statusCode(200);

        TestIdentities.get().admin().endSessions("erin");

        awaitRefused(token);
    }

    @Test
    void onlyTheDisabledDriverIsRefused() {
        String fern = newDriverToken("fern");
        String gwen = newDriverToken("gwen");

        TestIdentities.get().admin().disableUser("gwen");

        awaitRefused(gwen);
        RestAssured.given().auth().oauth2(fern).get("/api/v1/me/vehicles").then().statusCode(200);
    }

    private static String newDriverToken(String username) {
        String password = TestIdentities.randomPassword();
        TestIdentities.get().admin().createUser(username, password, username + "@platepay.test",
                Character.toUpperCase(username.charAt(0)) + username.substring(1), "Tester", "driver");
        return TestIdentities.get().admin().passwordGrant(CLIENT, username, password);
    }

    private static void awaitRefused(String token) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                RestAssured.given().auth().oauth2(token).get("/api/v1/me/vehicles").statusCode() == 401);
    }
}
