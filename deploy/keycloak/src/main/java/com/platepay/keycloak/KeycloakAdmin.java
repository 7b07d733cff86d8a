package com.platepay.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Keycloak's admin REST API for the platepay realm, through a master-realm admin's token. For tests and the demo
 * (users, test clients, secrets); the realm itself comes from platepay-realm.json.
 */
public final class KeycloakAdmin {
    public static final String REALM = "platepay";
    private static final String DEFAULT_ROLES = "default-roles-" + REALM;

    private final String baseUrl;
    private final String adminUsername;
    private final String adminPassword;
    private final KeycloakHttp http = new KeycloakHttp();
    private final OidcTokens realmTokens;
    private final OidcTokens masterTokens;
    private String adminToken;
    private long adminTokenValidUntilNanos;

    /** @param baseUrl e.g. {@code http://127.0.0.1:8180}; the credentials are a master-realm admin's */
    public KeycloakAdmin(String baseUrl, String adminUsername, String adminPassword) {
        this.baseUrl = baseUrl;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.realmTokens = new OidcTokens(baseUrl + "/realms/" + REALM);
        this.masterTokens = new OidcTokens(baseUrl + "/realms/master");
    }

    /**
     * Creates (or, if the username exists, resets the password of) a ready-to-use user: email verified, no required
     * actions, and exactly one realm role; the default-roles composite is removed so an operator is not also a driver.
     * @return the user id
     */
    public String createUser(String username, String password, String email, String firstName, String lastName,
                             String realmRole) {
        ObjectNode user = KeycloakHttp.JSON.createObjectNode()
                .put("username", username).put("email", email).put("firstName", firstName).put("lastName", lastName)
                .put("enabled", true).put("emailVerified", true);
        user.putArray("requiredActions");
        String id = userIdOrNull(username);
        if (id == null) {
            call("POST", "/users", user, "create user " + username);
            id = userIdOrNull(username);
        } else {
            call("PUT", "/users/" + id, user, "update user " + username);
        }
        ObjectNode credential = KeycloakHttp.JSON.createObjectNode()
                .put("type", "password").put("value", password).put("temporary", false);
        call("PUT", "/users/" + id + "/reset-password", credential, "set the password of " + username);
        setOnlyRealmRole(id, realmRole);
        return id;
    }

    /** Disables a user: its existing sessions end and it can no longer get tokens. */
    public void disableUser(String username) {
        String id = requireUserId(username);
        call("PUT", "/users/" + id, KeycloakHttp.JSON.createObjectNode().put("enabled", false), "disable " + username);
    }

    /** Ends every session of a user (as "sign out everywhere" does): tokens issued in them are no longer active. */
    public void endSessions(String username) {
        String id = requireUserId(username);
        call("POST", "/users/" + id + "/logout", null, "end the sessions of " + username);
    }

    /**
     * A public client that allows only the password grant, for tests and the demo CLI. It gets the realm's default
     * client scopes (so its tokens carry the platepay-server audience and the realm roles). No-op if it exists.
     */
    public void createPasswordGrantClient(String clientId) {
        if (clientUuidOrNull(clientId) != null) {
            return;
        }
        ObjectNode client = KeycloakHttp.JSON.createObjectNode()
                .put("clientId", clientId).put("protocol", "openid-connect").put("enabled", true)
                .put("publicClient", true).put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false).put("implicitFlowEnabled", false)
                .put("serviceAccountsEnabled", false);
        call("POST", "/clients", client, "create client " + clientId);
    }

    /**
     * Lets a web page at {@code origin} (scheme://host:port) call Keycloak's token endpoint for this client (CORS).
     * Redirect URIs on loopback accept any port, but web origins must be exact. No-op if already allowed.
     */
    public void allowWebOrigin(String clientId, String origin) {
        String uuid = requireClientUuid(clientId);
        ObjectNode client = (ObjectNode) call("GET", "/clients/" + uuid, null, "read client " + clientId);
        ArrayNode origins = client.has("webOrigins") ? (ArrayNode) client.get("webOrigins") : client.putArray("webOrigins");
        for (JsonNode existing : origins) {
            if (existing.asText().equals(origin)) {
                return;
            }
        }
        origins.add(origin);
        call("PUT", "/clients/" + uuid, client, "update client " + clientId);
    }

    /** The secret Keycloak generated for a confidential client. */
    public String clientSecret(String clientId) {
        return call("GET", "/clients/" + requireClientUuid(clientId) + "/client-secret", null,
                "read the secret of " + clientId).path("value").asText();
    }

    /** Overrides the realm's access token lifespan for one client (e.g. a test that needs a token that expires soon). */
    public void setAccessTokenLifespan(String clientId, int seconds) {
        String uuid = requireClientUuid(clientId);
        ObjectNode client = (ObjectNode) call("GET", "/clients/" + uuid, null, "read client " + clientId);
        ObjectNode attributes = client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
        attributes.put("access.token.lifespan", Integer.toString(seconds));
        call("PUT", "/clients/" + uuid, client, "update client " + clientId);
    }

    public String passwordGrant(String clientId, String username, String password) {
        return realmTokens.passwordGrant(clientId, username, password);
    }

    public String clientCredentialsGrant(String clientId, String secret) {
        return realmTokens.clientCredentialsGrant(clientId, secret);
    }

    /** GET on the realm's admin API, e.g. {@code get("/roles")}; for checks that have no method of their own. */
    public JsonNode get(String pathInRealm) {
        return call("GET", pathInRealm, null, "GET " + pathInRealm);
    }

    private void setOnlyRealmRole(String userId, String realmRole) {
        String mappings = "/users/" + userId + "/role-mappings/realm";
        ArrayNode unwanted = KeycloakHttp.JSON.createArrayNode();
        boolean hasRole = false;
        for (JsonNode mapped : call("GET", mappings, null, "read role mappings")) {
            if (mapped.path("name").asText().equals(realmRole)) {
                hasRole = true;
            } else {
                unwanted.add(mapped);
            }
        }
        if (!unwanted.isEmpty()) {
            call("DELETE", mappings, unwanted, "remove realm roles");
        }
        if (!hasRole) {
            JsonNode role = call("GET", "/roles/" + KeycloakHttp.encode(realmRole), null, "read role " + realmRole);
            call("POST", mappings, KeycloakHttp.JSON.createArrayNode().add(role), "grant role " + realmRole);
        }
    }

    private String requireUserId(String username) {
        String id = userIdOrNull(username);
        if (id == null) {
            throw new KeycloakException("no user " + username + " in realm " + REALM, 404);
        }
        return id;
    }

    private String userIdOrNull(String username) {
        JsonNode found = call("GET", "/users?exact=true&username=" + KeycloakHttp.encode(username), null,
                "find user " + username);
        return found.isEmpty() ? null : found.get(0).path("id").asText();
    }

    private String requireClientUuid(String clientId) {
        String uuid = clientUuidOrNull(clientId);
        if (uuid == null) {
            throw new KeycloakException("no client " + clientId + " in realm " + REALM, 404);
        }
        return uuid;
    }

    private String clientUuidOrNull(String clientId) {
        JsonNode found = call("GET", "/clients?clientId=" + KeycloakHttp.encode(clientId), null, "find client " + clientId);
        return found.isEmpty() ? null : found.get(0).path("id").asText();
    }

    private JsonNode call(String method, String pathInRealm, JsonNode body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + REALM + pathInRealm))
                .header("Authorization", "Bearer " + adminToken())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : KeycloakHttp.json(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.expectSuccess(request, what);
    }

    /** The master realm's tokens live 60 s; one is reused until shortly before it expires. */
    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() > adminTokenValidUntilNanos) {
            long requestedAt = System.nanoTime();
            JsonNode response = masterTokens.tokenResponse(Map.of("grant_type", "password", "client_id", "admin-cli",
                    "username", adminUsername, "password", adminPassword));
            adminToken = response.path("access_token").asText();
            long lifetimeSeconds = Math.max(0, response.path("expires_in").asLong(60) - 15);
            adminTokenValidUntilNanos = requestedAt + lifetimeSeconds * 1_000_000_000L;
        }
        return adminToken;
    }

    @Override
    public String toString() {
        return "KeycloakAdmin[" + baseUrl + "]";
    }
}
