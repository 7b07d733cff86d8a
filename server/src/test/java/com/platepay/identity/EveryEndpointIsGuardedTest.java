package com.platepay.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A guard over the whole API, driven by the OpenAPI document the server serves, so a new endpoint is covered the day
 * it appears: every operation refuses an anonymous call (401) and a signed-in user of every other role (403).
 * Which role an operation belongs to follows from its path; an operation under no known prefix fails the test.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class EveryEndpointIsGuardedTest {

    private static final Map<String, String> ROLE_BY_PREFIX = Map.of(
            "/api/v1/me/", "driver",
            "/api/v1/operator/", "operator",
            "/api/v1/attendant/", "attendant",
            "/api/v1/admin/", "admin");
    /** The only operation anyone may call: the sign-in page needs it before it has a token. */
    private static final Set<String> PUBLIC = Set.of("GET /api/v1/sign-in-config");

    record Operation(String method, String path) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyOperationRefusesAnonymousCallsAndOtherRoles() {
        List<Operation> operations = operations();
        assertTrue(operations.size() >= 30, "the OpenAPI document lists the API: " + operations);
        List<String> failures = new ArrayList<>();
        for (Operation op : operations) {
            if (PUBLIC.contains(op.toString())) {
                continue;
            }
            String role = roleOf(op);
            check(failures, op, "anonymous", RestAssured.given(), 401);
            check(failures, op, "a forged token", RestAssured.given().auth().oauth2("not.a.token"), 401);
            for (Users user : Users.values()) {
                if (!user.role.equals(role)) {
                    check(failures, op, user.name + " (" + user.role + ")", RestAssured.given().auth().oauth2(user.token()), 403);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theSignInSettingsArePublicAndHoldNoSecret() {
        JsonPath config = RestAssured.given().get("/api/v1/sign-in-config").then().statusCode(200).extract().jsonPath();
        assertTrue(config.getString("issuer").endsWith("/realms/platepay"));
        assertEquals("platepay-driver-app", config.getString("driverClientId"));
        assertEquals(Set.of("issuer", "driverClientId", "staffClientId"), config.getMap("").keySet());
    }

    private static void check(List<String> failures, Operation op, String who, RequestSpecification request, int expected) {
        int status = request.contentType(ContentType.JSON).body("{}").request(op.method(), op.concretePath()).statusCode();
        if (status != expected) {
            failures.add(op + " as " + who + ": " + status + " instead of " + expected);
        }
    }

    private static String roleOf(Operation op) {
        return ROLE_BY_PREFIX.entrySet().stream().filter(e -> op.path().startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseGet(() -> fail(op + " is under no known prefix: give it a role here"));
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations() {
        Map<String, Map<String, Object>> paths = RestAssured.given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(new Operation(m.toUpperCase(), path))));
        return operations;
    }
}
