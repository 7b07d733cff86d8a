package com.platepay.edge.lane;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.parking.AllowList;
import com.platepay.protocol.parking.LaneCommand;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the PlatePay server on a real broker (the server's own tests cover its side): verifies each plate
 * read with the device's key, remembers each seq once, and answers with a command signed by the server key.
 */
final class FakeServer implements AutoCloseable {

    final KeyPair key = DeviceKeys.generate();
    final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final Map<Long, Envelope> reads = new ConcurrentHashMap<>();
    private final Mqtt5AsyncClient client;
    private final String siteId;
    private final String deviceId;
    private final PublicKey deviceKey;
    volatile boolean answer = true;

    FakeServer(int port, String siteId, String deviceId, PublicKey deviceKey) throws Exception {
        this.siteId = siteId;
        this.deviceId = deviceId;
        this.deviceKey = deviceKey;
        client = MqttClient.builder().useMqttVersion5().identifier("fake-server").serverHost("127.0.0.1").serverPort(port)
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS).applyAutomaticReconnect()
                .addConnectedListener(ctx -> client().subscribeWith().topicFilter(Topics.device(siteId, deviceId, Topics.PLATE_READ))
                        .qos(MqttQos.AT_LEAST_ONCE).send())
                .buildAsync();
        // Not on the client's event loop: answering waits for the broker's PUBACK, which that loop delivers.
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, p -> onRead(p.getPayloadAsBytes()), Executors.newSingleThreadExecutor());
        client.connect().get(30, TimeUnit.SECONDS);
    }

    private Mqtt5AsyncClient client() {
        return client;
    }

    String publicKey() {
        return DeviceKeys.encodePublic(key.getPublic());
    }

    private void onRead(byte[] payload) {
        try {
            Envelope e = ProtocolCodec.decode(payload);
            if (!EnvelopeVerifier.verify(e, deviceKey)) {
                return;
            }
            deliveries.computeIfAbsent(e.seq(), s -> new AtomicInteger()).incrementAndGet();
            reads.putIfAbsent(e.seq(), e);
            if (answer) {
                send(command(LaneCommand.Action.OPEN_BARRIER, e.seq(), Instant.now().plusSeconds(30)));
            }
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static LaneCommand command(LaneCommand.Action action, Long ackSeq, Instant expiresAt) {
        return new LaneCommand(Ids.newUuidV7(), action, expiresAt.truncatedTo(ChronoUnit.MILLIS), "Goodbye", ackSeq, "PAID", null, 500L, "CNY");
    }

    void send(LaneCommand c) {
        sendSigned(MessageTypes.COMMAND, c, new EnvelopeSigner(key.getPrivate()), false);
    }

    void sendSigned(String type, Object body, EnvelopeSigner signer, boolean retain) {
        Envelope e = signer.sign(ProtocolCodec.envelope(type, deviceId, siteId, System.nanoTime(), body));
        client.publishWith().topic(Topics.device(siteId, deviceId, Topics.COMMAND)).qos(MqttQos.AT_LEAST_ONCE).retain(retain)
                .payload(ProtocolCodec.encode(e)).send().join();
    }

    void allowList(long version, String plate) {
        sendSigned(MessageTypes.ALLOW_LIST, new AllowList(version, List.of(new AllowList.Entry(plate, "BLUE", "MANDATE"))),
                new EnvelopeSigner(key.getPrivate()), true);
    }

    static Duration patience() {
        return Duration.ofSeconds(20);
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(5, TimeUnit.SECONDS);
    }
}
