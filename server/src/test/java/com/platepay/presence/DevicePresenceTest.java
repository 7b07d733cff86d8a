package com.platepay.presence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.platepay.mqtt.MqttGateway;
import com.platepay.mqtt.ServerIdentity;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.sim.HandheldCli;
import com.platepay.protocol.status.Presence;
import com.platepay.protocol.testing.CuttableProxy;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices' online status from their status topic: ONLINE when a device connects, OFFLINE by its last will when its
 * connection is cut without a DISCONNECT, shown in the console's device list and pushed on its stream; a late or
 * repeated status never overwrites a newer one, whichever replica takes it.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class DevicePresenceTest extends StackTest {

    @Inject
    DevicePresence presence;

    @Inject
    MqttGateway gateway;

    @Inject
    ServerIdentity serverIdentity;

    @TempDir
    Path dir;

    @Test
    void aDeviceIsOnlineWhileConnectedAndOfflineByItsWillWhenItsConnectionIsCut() throws Exception {
        Scenario.DeviceCredentials d = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        BlockingQueue<String> olgas = stream(Users.OLGA);
        assertNotNull(nextData(olgas, "event:ready", null), "the stream opens");
        AtomicLong seq = new AtomicLong(System.currentTimeMillis());
        Presence status = new Presence(new EnvelopeSigner(DeviceKeys.decodePrivate(d.privateKey())), d.deviceId(), d.siteId(),
                seq::incrementAndGet);
        byte[] online = status.online();
        try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", mqttPort)) {
            Mqtt5BlockingClient device = MqttClient.builder().useMqttVersion5().identifier(d.deviceId()).serverHost("127.0.0.1")
                    .serverPort(proxy.port()).simpleAuth().username(d.deviceId()).password(d.password().getBytes(UTF_8)).applySimpleAuth()
                    .buildBlocking();
            device.connectWith().willPublish().topic(status.topic()).payload(status.will()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .applyWillPublish().send();
            device.publishWith().topic(status.topic()).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(online).send();

            assertEquals("ONLINE", awaitState(d.deviceId(), "ONLINE").path("online").asText());
            JsonNode pushed = json(nextData(olgas, "event:device", d.deviceId()));
            assertEquals("ONLINE", pushed.path("online").asText(), "the console's stream pushes the device going online");

            proxy.cut();   // no DISCONNECT: the broker publishes the will

            JsonNode offline = awaitState(d.deviceId(), "OFFLINE");
            assertNotNull(offline.path("lastSeen").textValue(), "last seen is kept when it goes offline");
            assertEquals("OFFLINE", json(nextData(olgas, "event:device", d.deviceId())).path("online").asText(),
                    "the console's stream pushes the device going offline");
        }

        // The ONLINE again, late (a broker's redelivery, another replica's copy): older than the will, so nothing moves.
        UUID deviceId = UUID.fromString(d.deviceId());
        UUID siteId = UUID.fromString(d.siteId());
        long onlineSeq = ProtocolCodec.decode(online).seq();
        assertFalse(presence.record(deviceId, siteId, DevicePresence.State.ONLINE, onlineSeq).await().indefinitely());
        assertEquals("OFFLINE", device(d.deviceId()).path("online").asText());
    }

    /**
     * A server that was not subscribed when a device said it was online (started after it, or down when a will was
     * published) learns the retained status when it subscribes. MQTT 5 sends no retained copy to a shared
     * subscription, so the status channel is subscribed plainly by every replica (storing it is idempotent).
     */
    @Test
    void aServerThatMissedAStatusLearnsTheRetainedOneWhenItSubscribesAgain() throws Exception {
        Scenario.DeviceCredentials d = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        AtomicLong seq = new AtomicLong(System.currentTimeMillis());
        Presence status = new Presence(new EnvelopeSigner(DeviceKeys.decodePrivate(d.privateKey())), d.deviceId(), d.siteId(),
                seq::incrementAndGet);
        Mqtt5BlockingClient device = MqttClient.builder().useMqttVersion5().identifier(d.deviceId()).serverHost("127.0.0.1")
                .serverPort(mqttPort).simpleAuth().username(d.deviceId()).password(d.password().getBytes(UTF_8)).applySimpleAuth()
                .buildBlocking();
        device.connectWith().willPublish().topic(status.topic()).payload(status.will()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                .applyWillPublish().send();
        try {
            device.publishWith().topic(status.topic()).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(status.online()).send();
            awaitState(d.deviceId(), "ONLINE");
            // What a replica starting now knows of it: nothing.
            pool.preparedQuery("delete from device_presence where device_id = $1").execute(Tuple.of(UUID.fromString(d.deviceId())))
                    .await().indefinitely();
            assertFalse("ONLINE".equals(device(d.deviceId()).path("online").asText()));

            // The server's own connection is taken over: it reconnects and subscribes again, as a replica that starts does.
            Mqtt5BlockingClient takeover = MqttClient.builder().useMqttVersion5().identifier(gateway.clientId())
                    .serverHost("127.0.0.1").serverPort(mqttPort).simpleAuth().username(serverIdentity.username())
                    .password(serverIdentity.password().getBytes(UTF_8)).applySimpleAuth().buildBlocking();
            takeover.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
            takeover.disconnect();

            assertEquals("ONLINE", awaitState(d.deviceId(), "ONLINE").path("online").asText(),
                    "the retained ONLINE reached the server when it subscribed again");
        } finally {
            device.publishWith().topic(status.topic()).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(status.goodbye()).send();
            device.disconnect();
        }
    }

    @Test
    void statusesTakenInAnyOrderByManyReplicasEndAtTheNewest() {
        Scenario.DeviceCredentials d = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        UUID deviceId = UUID.fromString(d.deviceId());
        UUID siteId = UUID.fromString(d.siteId());
        List<Long> seqs = new ArrayList<>();
        for (long s = 1; s <= 40; s++) {
            seqs.add(s);
            seqs.add(s);   // every status twice: the broker delivers at least once
        }
        Collections.shuffle(seqs);
        List<io.smallrye.mutiny.Uni<Boolean>> writes = seqs.stream()
                .map(s -> presence.record(deviceId, siteId, s % 2 == 0 ? DevicePresence.State.OFFLINE : DevicePresence.State.ONLINE, s))
                .toList();
        io.smallrye.mutiny.Uni.join().all(writes).andCollectFailures().await().atMost(Duration.ofSeconds(30));
        var row = pool.preparedQuery("select state, seq from device_presence where device_id = $1").execute(Tuple.of(deviceId))
                .await().indefinitely().iterator().next();
        assertEquals(40L, row.getLong("seq"));
        assertEquals("OFFLINE", row.getString("state"));
        assertFalse(presence.record(deviceId, siteId, DevicePresence.State.OFFLINE, 40).await().indefinitely(), "the same again is a no-op");
    }

    @Test
    void theHandheldSimulatorReportsOnlineAndThenOfflineAroundItsCharge() throws Exception {
        Scenario.Enrolled alice = scenario.enrolled(Users.ALICE, 50_000);
        Scenario.DeviceCredentials d = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        ObjectNode f = ProtocolCodec.mapper().createObjectNode().put("deviceId", d.deviceId()).put("siteId", d.siteId())
                .put("mqttUsername", d.deviceId()).put("mqttPassword", d.password()).put("privateKey", d.privateKey())
                .put("broker", "tcp://127.0.0.1:" + mqttPort).put("serverPublicKey", d.serverPublicKey());
        Path deviceFile = dir.resolve("handheld.json");
        Files.write(deviceFile, ProtocolCodec.mapper().writeValueAsBytes(f));
        BlockingQueue<String> olgas = stream(Users.OLGA);
        assertNotNull(nextData(olgas, "event:ready", null), "the stream opens");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HandheldCli.run(new String[] {"charge", "--plate", alice.plate(), "--amount", "12.00", "--device-file", deviceFile.toString(),
                "--timeout", "20s"}, new PrintStream(new ByteArrayOutputStream(), true, UTF_8), new PrintStream(err, true, UTF_8), Map.of());
        assertEquals(HandheldCli.OK, code, err.toString(UTF_8));

        // Two writes, each announced: ONLINE on connect, then OFFLINE before its clean DISCONNECT (which drops the will).
        assertNotNull(nextData(olgas, "event:device", d.deviceId()), "the ONLINE is announced");
        assertNotNull(nextData(olgas, "event:device", d.deviceId()), "the OFFLINE is announced");
        assertEquals("OFFLINE", awaitState(d.deviceId(), "OFFLINE").path("online").asText());
        var row = pool.preparedQuery("select seq from device_presence where device_id = $1").execute(Tuple.of(UUID.fromString(d.deviceId())))
                .await().indefinitely().iterator().next();
        long seqFile = Long.parseLong(Files.readString(dir.resolve("handheld.seq")).strip());
        assertEquals(seqFile, row.getLong("seq"), "the OFFLINE is the run's last message, with its newest seq");
    }

    private static JsonNode device(String deviceId) {
        String body = Users.OLGA.api().get("/api/v1/operator/console/devices").then().statusCode(200).extract().asString();
        for (JsonNode d : json(body)) {
            if (d.path("id").asText().equals(deviceId)) {
                return d;
            }
        }
        throw new AssertionError("device " + deviceId + " is not in Olga's list: " + body);
    }

    private static JsonNode awaitState(String deviceId, String state) throws InterruptedException {
        JsonNode last = null;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < end; Thread.sleep(100)) {
            last = device(deviceId);
            if (state.equals(last.path("online").asText())) {
                return last;
            }
        }
        throw new AssertionError("device " + deviceId + " never became " + state + ": " + last);
    }

    /** The data line after the next event line equal to {@code event} whose data names {@code id} (any, when null). */
    private static String nextData(BlockingQueue<String> lines, String event, String id) throws InterruptedException {
        boolean inEvent = false;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); System.nanoTime() < end; ) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event:")) {
                inEvent = line.replace(" ", "").equals(event);
            } else if (inEvent && line.startsWith("data:") && (id == null || line.contains(id))) {
                return line.substring("data:".length()).strip();
            }
        }
        return null;
    }

    private static JsonNode json(String text) {
        try {
            return ProtocolCodec.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static BlockingQueue<String> stream(Users user) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/operator/console/events"))
                .header("Authorization", "Bearer " + user.token()).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build();
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                }
            } catch (Exception e) {
                lines.add("error:" + e);
            }
        }, "sse-" + user.name);
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
