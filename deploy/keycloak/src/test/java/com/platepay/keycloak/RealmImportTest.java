package com.platepay.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The imported realm, as a running Keycloak serves it. */
class RealmImportTest {
    private static final String REDIRECT = "http://localhost:4200/callback";
    private final KeycloakProcess keycloak = TestKeycloak.get();
    private final KeycloakHttp http = new KeycloakHttp();

    @Test
    void realmIsImportedWithSelfRegistrationAndNoMailFeatures() {
        JsonNode realm = keycloak.admin().get("");
        assertEquals("platepay", realm.path("realm").asText());
        assertTrue(realm.path("registrationAllowed").asBoolean());
        assertFalse(realm.path("verifyEmail").asBoolean());
        assertFalse(realm.path("resetPasswordAllowed").asBoolean());
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertEquals(300, realm.path("accessTokenLifespan").asInt());
    }

    @Test
    void theFourRolesExistAndNewUsersBecomeDrivers() {
        List<String> roles = names(keycloak.admin().get("/roles"));
        assertTrue(roles.containsAll(List.of("driver", "attendant", "operator", "admin")), roles.toString());
        List<String> defaults = names(keycloak.admin().get("/roles/default-roles-platepay/composites/realm"));
        assertTrue(defaults.contains("driver"), defaults.toString());
    }

    @Test
    void registrationPageIsOpen() {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(keycloak.realmUrl()
                + "/protocol/openid-connect/registrations?client_id=platepay-driver-app&response_type=code&scope=openid"
                + "&redirect_uri=" + KeycloakHttp.encode(REDIRECT) + "&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("kc-register-form") || page.body().toLowerCase().contains("register"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"platepay-driver-app", "platepay-operator-console"})
    void publicClientsRefuseThePasswordGrant(String clientId) {
        keycloak.admin().createUser("grant-probe", "grant-probe-password", "grant-probe@example.org", "Grant", "Probe",
                "driver");
        KeycloakException refused = assertThrows(KeycloakException.class,
                () -> keycloak.admin().passwordGrant(clientId, "grant-probe", "grant-probe-password"));
        assertTrue(refused.getMessage().contains("unauthorized_client"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:4200/callback", "http://127.0.0.1:5173/", "http://localhost/x"})
    void publicClientsRedirectToAnyLoopbackPort(String redirect) {
        assertEquals(200, authorize("platepay-driver-app", redirect).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/callback", "http://localhost.evil.example/callback"})
    void publicClientsRefuseOtherRedirects(String redirect) {
        assertEquals(400, authorize("platepay-driver-app", redirect).statusCode());
    }

    private HttpResponse<String> authorize(String clientId, String redirect) {
        return http.send(HttpRequest.newBuilder(URI.create(keycloak.realmUrl()
                + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id=" + clientId
                + "&redirect_uri=" + KeycloakHttp.encode(redirect)
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"platepay-driver-app", "platepay-operator-console"})
    void publicClientsRequirePkce(String clientId) {
        String authorize = keycloak.realmUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + clientId + "&redirect_uri=" + KeycloakHttp.encode(REDIRECT);

        HttpResponse<String> withoutPkce = http.send(HttpRequest.newBuilder(URI.create(authorize)));
        assertEquals(302, withoutPkce.statusCode());
        String location = withoutPkce.headers().firstValue("Location").orElse("");
        assertTrue(location.startsWith(REDIRECT) && location.contains("error=invalid_request")
                && location.contains("code_challenge_method"), location);

        assertEquals(200, authorize(clientId, REDIRECT).statusCode(), "login page");
    }

    static List<String> names(JsonNode representations) {
        List<String> names = new ArrayList<>();
        representations.forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
