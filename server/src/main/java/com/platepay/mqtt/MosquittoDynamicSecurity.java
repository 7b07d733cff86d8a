package com.platepay.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.Topics;
import com.platepay.sites.BrokerAccounts;
import com.platepay.sites.DeviceAccess;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Device accounts on Mosquitto, through its dynamic-security plugin: JSON commands published to
 * {@code $CONTROL/dynamic-security/v1}, answered on {@code .../response}. Each device is a client whose username and
 * client id are its id, with a role of its own that may publish to its request topics and subscribe to its result and
 * command topics, nothing else. The server's own user (the plugin's admin, {@code platepay.mqtt.username}) gets a
 * role to serve every device's topics, before the gateway subscribes.
 *
 * <p>A command the broker refuses or does not answer is logged and counted
 * ({@code platepay_broker_account_errors_total}); the device's change itself has committed, and the server checks
 * each message's device status and signature whatever the broker let through. Rotating again repairs an account.
 */
@ApplicationScoped
@Typed(MosquittoDynamicSecurity.class)
public class MosquittoDynamicSecurity implements BrokerAccounts {

    static final String CONTROL = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE = CONTROL + "/response";
    static final String SERVER_ROLE = "platepay-server";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(MosquittoDynamicSecurity.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatePayConfig config;
    private final ServerIdentity identity;
    private final Counter errors;
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private volatile Mqtt5AsyncClient client;

    public MosquittoDynamicSecurity(PlatePayConfig config, ServerIdentity identity, MeterRegistry metrics) {
        this.config = config;
        this.identity = identity;
        this.errors = metrics.counter("platepay.broker.account.errors");
    }

    /** Ahead of the gateway's start (priority 2500), which subscribes with the role made here. */
    void start(@Observes @Priority(2000) StartupEvent event) throws Exception {
        if (!BrokerAccountsSelection.MOSQUITTO_DYNSEC.equals(BrokerAccountsSelection.mode(config.mqtt()))) {
            return;
        }
        PlatePayConfig.Mqtt mqtt = config.mqtt();
        var builder = MqttClient.builder().useMqttVersion5()
                .identifier(mqtt.clientId().orElse("platepay-server-" + UUID.randomUUID()) + "-dynsec")
                .serverHost(mqtt.host()).serverPort(mqtt.port())
                .simpleAuth().username(identity.username()).password(identity.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .automaticReconnectWithDefaultConfig()
                .addConnectedListener(ctx -> client.subscribeWith().topicFilter(RESPONSE).qos(MqttQos.AT_LEAST_ONCE).callback(this::onAnswer).send());
        client = ServerClientTls.of(mqtt).map(builder::sslConfig).orElse(builder).buildAsync();
        client.connectWith().cleanStart(true).keepAlive(30).send().get(30, TimeUnit.SECONDS);
        client.subscribeWith().topicFilter(RESPONSE).qos(MqttQos.AT_LEAST_ONCE).callback(this::onAnswer).send().get(10, TimeUnit.SECONDS);
        ObjectNode role = command("createRole").put("rolename", SERVER_ROLE);
        ArrayNode acls = role.putArray("acls");
        acl(acls, "publishClientSend", "platepay/#");
        acl(acls, "subscribePattern", "platepay/#");
        acl(acls, "subscribePattern", "$share/" + Topics.SHARED_GROUP + "/platepay/#");
        run(role, "already exists").await().atMost(ANSWER_TIMEOUT.multipliedBy(2));
        if (!serverHasItsRole()) {
            // The plugin disconnects every session of a client whose roles change, this one included, so the answer
            // never comes: send it, and look again once the connection is back.
            send(command("addClientRole").put("username", identity.username()).put("rolename", SERVER_ROLE).put("priority", 10));
            long deadline = System.nanoTime() + ANSWER_TIMEOUT.multipliedBy(4).toNanos();
            while (!serverHasItsRole()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Mosquitto dynamic security: " + identity.username() + " did not get role " + SERVER_ROLE);
                }
                Thread.sleep(200);
            }
        }
        LOG.infof("Mosquitto dynamic security: the server's user %s has role %s", identity.username(), SERVER_ROLE);
    }

    void stop(@Observes ShutdownEvent event) {
        if (client != null) {
            client.disconnect();
        }
    }

    @Override
    public Uni<Void> created(UUID deviceId, UUID siteId, String password) {
        String id = deviceId.toString();
        ObjectNode role = command("createRole").put("rolename", role(id));
        ArrayNode acls = role.putArray("acls");
        DeviceAccess.DEVICE_PUBLISHES.forEach(c -> acl(acls, "publishClientSend", Topics.device(siteId.toString(), id, c)));
        DeviceAccess.DEVICE_SUBSCRIBES.forEach(c -> acl(acls, "subscribeLiteral", Topics.device(siteId.toString(), id, c)));
        ObjectNode user = command("createClient").put("username", id).put("clientid", id).put("password", password);
        user.putArray("roles").addObject().put("rolename", role(id)).put("priority", 1);
        return quietly("create device " + id, run(role, "already exists").chain(() -> run(user, null)));
    }

    /** A new password; disabling and enabling again ends the session that logged in with the old one. */
    @Override
    public Uni<Void> rotated(UUID deviceId, UUID siteId, String password) {
        String id = deviceId.toString();
        return quietly("rotate device " + id, run(command("setClientPassword").put("username", id).put("password", password), null)
                .chain(() -> run(command("disableClient").put("username", id), null))
                .chain(() -> run(command("enableClient").put("username", id), null)));
    }

    @Override
    public Uni<Void> disabled(UUID deviceId) {
        return quietly("disable device " + deviceId, run(command("disableClient").put("username", deviceId.toString()), null));
    }

    @Override
    public Uni<Void> enabled(UUID deviceId) {
        return quietly("enable device " + deviceId, run(command("enableClient").put("username", deviceId.toString()), null));
    }

    static String role(String deviceId) {
        return "platepay-device-" + deviceId;
    }

    private static ObjectNode command(String name) {
        return JSON.createObjectNode().put("command", name);
    }

    private static void acl(ArrayNode acls, String type, String topic) {
        acls.addObject().put("acltype", type).put("topic", topic).put("priority", 0).put("allow", true);
    }

    /** Whether the server's user holds its role; false also while the control connection is down or unanswered. */
    private boolean serverHasItsRole() {
        try {
            JsonNode answer = ask(command("getClient").put("username", identity.username())).await().atMost(ANSWER_TIMEOUT.plusSeconds(1));
            for (JsonNode role : answer.path("data").path("client").path("roles")) {
                if (SERVER_ROLE.equals(role.path("rolename").asText())) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Sends one command and completes when the broker answers it; an error fails it unless it contains {@code tolerated}. */
    private Uni<Void> run(ObjectNode command, String tolerated) {
        return ask(command).map(response -> {
            String error = response.path("error").asText(null);
            if (error != null && (tolerated == null || !error.contains(tolerated))) {
                throw new IllegalStateException(command.path("command").asText() + ": " + error);
            }
            return null;
        });
    }

    private Uni<JsonNode> ask(ObjectNode command) {
        String correlation = UUID.randomUUID().toString();
        command.put("correlationData", correlation);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(correlation, answer);
        try {
            send(command);
        } catch (RuntimeException e) {
            waiting.remove(correlation);
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().completionStage(answer)
                .ifNoItem().after(ANSWER_TIMEOUT).failWith(() -> new IllegalStateException("no answer to " + command.path("command").asText()))
                .eventually(() -> waiting.remove(correlation));
    }

    private void send(ObjectNode command) {
        Mqtt5AsyncClient c = client;
        if (c == null) {
            throw new IllegalStateException("the dynamic-security control connection is not open");
        }
        byte[] payload = JSON.createObjectNode().set("commands", JSON.createArrayNode().add(command)).toString().getBytes(StandardCharsets.UTF_8);
        c.publishWith().topic(CONTROL).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    }

    private void onAnswer(Mqtt5Publish publish) {
        try {
            for (JsonNode response : JSON.readTree(publish.getPayloadAsBytes()).path("responses")) {
                CompletableFuture<JsonNode> f = waiting.get(response.path("correlationData").asText());
                if (f != null) {
                    f.complete(response);
                }
            }
        } catch (IOException e) {
            LOG.warn("unreadable dynamic-security answer", e);
        }
    }

    private Uni<Void> quietly(String what, Uni<Void> commands) {
        return commands.onFailure().invoke(e -> {
            errors.increment();
            LOG.warnf("Mosquitto dynamic security: could not %s (%s); the server still checks each of its messages", what, e.getMessage());
        }).onFailure().recoverWithNull();
    }
}
