package com.platepay.identity;

import com.platepay.platform.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Manages user accounts in the Keycloak realm through its admin REST API, signed in as the server's own client
 * (service account with realm-management manage-users). Used to create attendants and to find demo users.
 */
@ApplicationScoped
public class KeycloakUsers {

    /** Every self-registered user gets this composite (it carries `driver`); staff accounts must not. */
    private static final String DEFAULT_ROLES = "default-roles-";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public record NewUser(String username, String email, String firstName, String lastName, String temporaryPassword) {
        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    private final WebClient http;
    private final ServiceToken token;
    private final String adminBase;
    private final String realm;

    public KeycloakUsers(Vertx vertx,
                         @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
                         @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
                         @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> secret) {
        this.http = WebClient.create(vertx);
        String base = realmUrl.replaceAll("/+$", "");
        int realmsAt = base.lastIndexOf("/realms/");
        this.realm = base.substring(realmsAt + "/realms/".length());
        this.adminBase = base.substring(0, realmsAt) + "/admin/realms/" + realm;
        this.token = new ServiceToken(http, base + "/protocol/openid-connect/token", clientId, secret.orElse(""));
    }

    /** Creates an enabled account holding exactly {@code role}; the password must be changed at first sign-in. */
    public Uni<String> create(NewUser user, String role) {
        JsonObject body = new JsonObject()
                .put("username", user.username()).put("email", user.email())
                .put("firstName", user.firstName()).put("lastName", user.lastName())
                .put("enabled", true).put("emailVerified", true)
                .put("credentials", new JsonArray().add(new JsonObject()
                        .put("type", "password").put("value", user.temporaryPassword()).put("temporary", true)));
        return call(http.postAbs(adminBase + "/users"), body)
                .map(response -> {
                    if (response.statusCode() == 409) {
                        throw ApiException.conflict("USERNAME_TAKEN", "that username or email is already in use");
                    }
                    expect(response, 201, "create user");
                    String location = response.getHeader("Location");
                    return location.substring(location.lastIndexOf('/') + 1);
                })
                // An account without its role would be a driver: take it away again if the role cannot be set.
                .flatMap(id -> onlyRole(id, role).replaceWith(id).onFailure().call(() -> delete(id)));
    }

    public Uni<Void> disable(String userId) {
        return call(http.putAbs(adminBase + "/users/" + userId), new JsonObject().put("enabled", false))
                .invoke(response -> expect(response, 204, "disable user"))
                .flatMap(ignored -> call(http.postAbs(adminBase + "/users/" + userId + "/logout"), null))
                .invoke(response -> expect(response, 204, "end sessions"))
                .replaceWithVoid();
    }

    /** Removes an account this server just created, when the rest of the work failed. */
    public Uni<Void> delete(String userId) {
        return call(http.deleteAbs(adminBase + "/users/" + userId), null).replaceWithVoid();
    }

    public Uni<Optional<String>> findId(String username) {
        return token.get().flatMap(bearer -> http.getAbs(adminBase + "/users")
                        .addQueryParam("username", username).addQueryParam("exact", "true")
                        .bearerTokenAuthentication(bearer).timeout(TIMEOUT.toMillis()).send())
                .map(response -> {
                    expect(response, 200, "find user");
                    JsonArray users = response.bodyAsJsonArray();
                    return users.isEmpty() ? Optional.<String>empty() : Optional.of(users.getJsonObject(0).getString("id"));
                });
    }

    /** Whether the account holds the realm role, directly or through a composite such as the default roles. */
    public Uni<Boolean> hasRole(String userId, String role) {
        return token.get().flatMap(bearer -> http.getAbs(adminBase + "/users/" + userId + "/role-mappings/realm/composite")
                        .bearerTokenAuthentication(bearer).timeout(TIMEOUT.toMillis()).send())
                .map(response -> {
                    expect(response, 200, "read roles");
                    return response.bodyAsJsonArray().stream()
                            .anyMatch(r -> role.equals(((JsonObject) r).getString("name")));
                });
    }

    private Uni<Void> onlyRole(String userId, String role) {
        String mappings = adminBase + "/users/" + userId + "/role-mappings/realm";
        return roleRepresentation(DEFAULT_ROLES + realm)
                .flatMap(defaults -> call(http.deleteAbs(mappings), new JsonArray().add(defaults)))
                .invoke(response -> expect(response, 204, "remove default roles"))
                .flatMap(ignored -> roleRepresentation(role))
                .flatMap(wanted -> call(http.postAbs(mappings), new JsonArray().add(wanted)))
                .invoke(response -> expect(response, 204, "grant role"))
                .replaceWithVoid();
    }

    private Uni<JsonObject> roleRepresentation(String role) {
        return token.get().flatMap(bearer -> http.getAbs(adminBase + "/roles/" + role)
                        .bearerTokenAuthentication(bearer).timeout(TIMEOUT.toMillis()).send())
                .map(response -> {
                    expect(response, 200, "read role " + role);
                    return response.bodyAsJsonObject();
                });
    }

    private Uni<HttpResponse<Buffer>> call(HttpRequest<Buffer> request, Object body) {
        return token.get().flatMap(bearer -> {
            HttpRequest<Buffer> authorised = request.bearerTokenAuthentication(bearer).timeout(TIMEOUT.toMillis());
            if (body == null) {
                return authorised.send();
            }
            return authorised.putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer(body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode()));
        });
    }

    private static void expect(HttpResponse<Buffer> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IdentityProviderException(what + ": Keycloak answered " + response.statusCode());
        }
    }

    /** The server's client-credentials token, reused until shortly before it expires. */
    static final class ServiceToken {
        private final WebClient http;
        private final String tokenUrl;
        private final String clientId;
        private final String secret;
        private volatile String value;
        private volatile Instant renewAt = Instant.EPOCH;

        ServiceToken(WebClient http, String tokenUrl, String clientId, String secret) {
            this.http = http;
            this.tokenUrl = tokenUrl;
            this.clientId = clientId;
            this.secret = secret;
        }

        Uni<String> get() {
            if (value != null && Instant.now().isBefore(renewAt)) {
                return Uni.createFrom().item(value);
            }
            io.vertx.mutiny.core.MultiMap form = io.vertx.mutiny.core.MultiMap.caseInsensitiveMultiMap()
                    .add("grant_type", "client_credentials").add("client_id", clientId).add("client_secret", secret);
            return http.postAbs(tokenUrl).timeout(TIMEOUT.toMillis()).sendForm(form).map(response -> {
                expect(response, 200, "service account sign-in");
                JsonObject json = response.bodyAsJsonObject();
                value = json.getString("access_token");
                renewAt = Instant.now().plusSeconds(Math.max(5, json.getLong("expires_in", 60L) - 30));
                return value;
            });
        }
    }
}
