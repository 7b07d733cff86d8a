package com.platepay.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two confidential clients, used the way the server and automation will use them: with their own tokens. */
class ServiceAccountTest {
    private final KeycloakProcess keycloak = TestKeycloak.get();
    private final KeycloakAdmin admin = keycloak.admin();
    private final KeycloakHttp http = new KeycloakHttp();

    @Test
    void theServerCreatesAnAttendantWithExactlyTheAttendantRole() {
        String token = admin.clientCredentialsGrant("platepay-server", admin.clientSecret("platepay-server"));
        String users = keycloak.baseUrl() + "/admin/realms/platepay/users";

        ObjectNode attendant = KeycloakHttp.JSON.createObjectNode().put("username", "station-7-attendant")
                .put("email", "s7@example.org").put("firstName", "Sam").put("lastName", "Seven")
                .put("enabled", true).put("emailVerified", true);
        attendant.putArray("credentials").addObject()
                .put("type", "password").put("value", "attendant-password-7").put("temporary", false);
        call(token, "POST", users, attendant);
        String id = call(token, "GET", users + "?exact=true&username=station-7-attendant", null).get(0).path("id").asText();
        String mappings = users + "/" + id + "/role-mappings/realm";
        JsonNode attendantRole = call(token, "GET", keycloak.baseUrl() + "/admin/realms/platepay/roles/attendant", null);
        JsonNode defaultRoles = call(token, "GET",
                keycloak.baseUrl() + "/admin/realms/platepay/roles/default-roles-platepay", null);
        call(token, "POST", mappings, KeycloakHttp.JSON.createArrayNode().add(attendantRole));
        call(token, "DELETE", mappings, KeycloakHttp.JSON.createArrayNode().add(defaultRoles));

        assertEquals(List.of("attendant"), RealmImportTest.names(admin.get("/users/" + id + "/role-mappings/realm/composite")));
        admin.createPasswordGrantClient("claims-test-cli");
        assertEquals(List.of("attendant"),
                Jwt.realmRoles(admin.passwordGrant("claims-test-cli", "station-7-attendant", "attendant-password-7")));
    }

    @Test
    void theServerServiceAccountHasNoPlatePayRole() {
        String token = admin.clientCredentialsGrant("platepay-server", admin.clientSecret("platepay-server"));
        assertEquals(List.of(), Jwt.realmRoles(token));
        assertTrue(Jwt.audience(token).contains("platepay-server"));
    }

    @Test
    void automationActsAsAdmin() {
        String token = admin.clientCredentialsGrant("platepay-automation", admin.clientSecret("platepay-automation"));
        assertEquals(List.of("admin"), Jwt.realmRoles(token));
        assertTrue(Jwt.audience(token).contains("platepay-server"), Jwt.audience(token).toString());
    }

    private JsonNode call(String token, String method, String url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : KeycloakHttp.json(body));
        return http.expectSuccess(request, method + " " + url);
    }
}
