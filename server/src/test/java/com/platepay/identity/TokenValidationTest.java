package com.platepay.identity;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.testing.TestIdentities;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Only an unexpired access token signed by the platepay realm's key opens the API. */
@QuarkusTest
@WithTestResource(TestStack.class)
class TokenValidationTest {

    private static final String SHORT_LIVED_CLIENT = "platepay-tests-short-lived";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aValidTokenIsAccepted() {
        RestAssured.given().auth().oauth2(Users.ALICE.token()).get("/api/v1/me/vehicles").then().statusCode(200);
    }

    @Test
    void theAutomationServiceAccountsTokenIsAccepted() {
        // Service-account tokens have no user session; Keycloak's introspection must still call them active.
        TestIdentities identities = TestIdentities.get();
        String token = identities.admin().clientCredentialsGrant("platepay-automation",
                identities.admin().clientSecret("platepay-automation"));
        RestAssured.given().auth().oauth2(token).get("/api/v1/admin/charges").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        TestIdentities identities = TestIdentities.get();
        identities.admin().createPasswordGrantClient(SHORT_LIVED_CLIENT);
        identities.admin().setAccessTokenLifespan(SHORT_LIVED_CLIENT, 1);
        String password = TestIdentities.randomPassword();
        identities.admin().createUser("carol", password, "carol@platepay.test", "Carol", "Tester", "driver");
        String token = identities.admin().passwordGrant(SHORT_LIVED_CLIENT, "carol", password);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                RestAssured.given().auth().oauth2(token).get("/api/v1/me/vehicles").statusCode() == 401);
    }

    @Test
    void aTokenWithAlteredClaimsIsRefused() throws Exception {
        String[] parts = Users.ALICE.token().split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("sub", TestIdentities.get().subject(Users.BOB));
        String forged = parts[0] + "." + encode(JSON.writeValueAsBytes(claims)) + "." + parts[2];

        RestAssured.given().auth().oauth2(forged).get("/api/v1/me/vehicles").then().statusCode(401);
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String[] parts = Users.ALICE.token().split("\\.");
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        RestAssured.given().auth().oauth2(header + "." + parts[1] + ".").get("/api/v1/me/vehicles").then().statusCode(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        String[] parts = Users.ALICE.token().split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(generator.generateKeyPair().getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String resigned = parts[0] + "." + parts[1] + "." + encode(rs256.sign());

        RestAssured.given().auth().oauth2(resigned).get("/api/v1/me/vehicles").then().statusCode(401);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
