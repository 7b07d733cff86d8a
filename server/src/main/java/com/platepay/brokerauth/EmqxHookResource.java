package com.platepay.brokerauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.platepay.mqtt.ServerIdentity;
import com.platepay.platform.Hashes;
import com.platepay.platform.PlatePayConfig;
import com.platepay.sites.DeviceAccess;
import com.platepay.sites.DeviceCache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * EMQX's HTTP authenticator and HTTP authorizer, answering with the same rules the embedded broker applies
 * (sites.DeviceAccess). Not part of the driver/operator API: no OIDC token (EMQX has none), hidden from the OpenAPI
 * document, and guarded by a shared secret in the {@value #SECRET_HEADER} header instead. Without a configured
 * secret the hooks do not exist (404); with a missing or wrong one they answer 401, which EMQX takes as "ignore"
 * and, with {@code authorization.no_match = deny} and no other authenticator (deploy/compose/emqx), as a refusal.
 * Every refusal that EMQX must act on is a 200 with {@code "result": "deny"}; anything unreadable is a deny too.
 */
@Path("/api/v1/broker/emqx")
@PermitAll
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class EmqxHookResource {

    static final String SECRET_HEADER = "X-PlatePay-Hook-Secret";
    private static final Logger LOG = Logger.getLogger(EmqxHookResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> DENY = Map.of("result", "deny");
    private static final Map<String, Object> ALLOW = Map.of("result", "allow");

    private final Optional<String> secret;
    private final ServerIdentity server;
    private final DeviceCache devices;

    public EmqxHookResource(PlatePayConfig config, ServerIdentity server, DeviceCache devices) {
        this.secret = config.brokerHooks().secret().filter(s -> !s.isBlank());
        this.server = server;
        this.devices = devices;
    }

    /** Body (configured in EMQX): {@code {"clientid":"${clientid}","username":"${username}","password":"${password}"}}. */
    @POST
    @Path("/authn")
    @Operation(hidden = true)
    public Uni<Response> authenticate(@HeaderParam(SECRET_HEADER) String presented, String body) {
        Optional<Response> refused = guard(presented);
        if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
        }
        JsonNode request = parse(body);
        String clientId = text(request, "clientid");
        String username = text(request, "username");
        String password = text(request, "password");
        if (clientId == null || username == null || password == null) {
            return answer(DENY);
        }
        if (username.equals(server.username())) {
            return answer(Hashes.constantTimeEquals(password, server.password())
                    ? Map.of("result", "allow", "is_superuser", true) : DENY);
        }
        if (!username.equals(clientId)) {
            LOG.infof("refused EMQX connection for %s: a device connects with its id as client id", username);
            return answer(DENY);
        }
        return devices.find(username).map(found -> {
            String refusal = DeviceAccess.refusal(found.orElse(null), password);
            if (refusal != null) {
                LOG.infof("refused EMQX connection for %s (%s)", username, refusal);
                return ok(DENY);
            }
            return ok(Map.of("result", "allow", "is_superuser", false));
        });
    }

    /**
     * Body (configured in EMQX):
     * {@code {"clientid":"${clientid}","username":"${username}","topic":"${topic}","action":"${action}","retain":"${retain}"}}.
     */
    @POST
    @Path("/authz")
    @Operation(hidden = true)
    public Uni<Response> authorise(@HeaderParam(SECRET_HEADER) String presented, String body) {
        Optional<Response> refused = guard(presented);
        if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
        }
        JsonNode request = parse(body);
        String clientId = text(request, "clientid");
        String username = text(request, "username");
        String topic = text(request, "topic");
        String action = text(request, "action");
        if (clientId == null || username == null || topic == null || action == null) {
            return answer(DENY);
        }
        if (username.equals(server.username())) {
            // Only the server's password gets this username past authentication (above).
            return answer(ALLOW);
        }
        if (!username.equals(clientId)) {
            return answer(DENY);
        }
        return devices.find(username).map(found -> {
            boolean allowed = found.isPresent() && switch (action) {
                case "publish" -> DeviceAccess.mayPublish(found.get(), topic, retained(request));
                case "subscribe" -> DeviceAccess.maySubscribe(found.get(), topic);
                default -> false;
            };
            return ok(allowed ? ALLOW : DENY);
        });
    }

    private Optional<Response> guard(String presented) {
        if (secret.isEmpty()) {
            return Optional.of(Response.status(Response.Status.NOT_FOUND).build());
        }
        if (presented == null || !Hashes.constantTimeEquals(presented, secret.get())) {
            return Optional.of(Response.status(Response.Status.UNAUTHORIZED).build());
        }
        return Optional.empty();
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (Exception e) {
            return JSON.nullNode();
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    /**
     * EMQX renders {@code ${retain}} as text. Anything but a clear "false", a missing field included (a body
     * configured without it), counts as retained and is refused: a misconfiguration shows at once, closed.
     */
    private static boolean retained(JsonNode request) {
        String value = request.path("retain").asText("");
        return !(value.equals("false") || value.equals("0"));
    }

    private static Uni<Response> answer(Map<String, Object> verdict) {
        return Uni.createFrom().item(ok(verdict));
    }

    private static Response ok(Map<String, Object> verdict) {
        return Response.ok(verdict, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
