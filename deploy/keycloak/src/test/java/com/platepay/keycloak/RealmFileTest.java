package com.platepay.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The realm file itself: what must (and must never) be in it. No Keycloak needed. */
class RealmFileTest {
    private static final JsonNode REALM = load();

    private static JsonNode load() {
        try (InputStream in = RealmFileTest.class.getResourceAsStream("/com/platepay/keycloak/platepay-realm.json")) {
            assertNotNull(in, "realm file on the classpath");
            return KeycloakHttp.JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theJarShipsTheFileFromTheModuleRoot() throws IOException {
        assertEquals(KeycloakHttp.JSON.readTree(Files.readString(Path.of("platepay-realm.json"))), REALM);
    }

    @Test
    void holdsNoPeopleOnlyServiceAccountRoleBindingsWithoutCredentials() {
        for (JsonNode user : REALM.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "only service-account bindings: " + user);
            assertFalse(user.has("credentials"), "no credentials: " + user);
        }
    }

    @Test
    void holdsNoSecrets() {
        List<String> found = new ArrayList<>();
        collectFieldsNamed(REALM, "secret", found);
        collectFieldsNamed(REALM, "credentials", found);
        assertEquals(List.of(), found);
    }

    @Test
    void publicClientsUseOnlyTheAuthorizationCodeFlowWithPkce() {
        for (String clientId : List.of("platepay-driver-app", "platepay-operator-console")) {
            JsonNode client = client(clientId);
            assertTrue(client.path("publicClient").asBoolean(), clientId);
            assertTrue(client.path("standardFlowEnabled").asBoolean(), clientId);
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), clientId);
            assertFalse(client.path("implicitFlowEnabled").asBoolean(), clientId);
            assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText(), clientId);
        }
    }

    @Test
    void everyClientAndEveryLaterClientGetsTheApiAudienceScope() {
        assertTrue(Jwt.strings(REALM.path("defaultDefaultClientScopes")).contains("platepay-api"));
        for (JsonNode client : REALM.path("clients")) {
            assertTrue(Jwt.strings(client.path("defaultClientScopes")).containsAll(List.of("platepay-api", "roles")),
                    client.path("clientId").asText());
        }
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : REALM.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static void collectFieldsNamed(JsonNode node, String name, List<String> found) {
        node.properties().forEach(field -> {
            if (field.getKey().equalsIgnoreCase(name)) {
                found.add(name + "=" + field.getValue());
            }
        });
        for (JsonNode child : node) {
            collectFieldsNamed(child, name, found);
        }
    }
}
