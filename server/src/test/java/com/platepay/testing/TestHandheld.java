package com.platepay.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.sim.BrokerUrl;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.cylinder.CylinderCheckResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A handheld as a test drives it: a real MQTT 5 client with the device's credentials and signing key. */
public final class TestHandheld implements AutoCloseable {

    private final Scenario.DeviceCredentials device;
    private final Mqtt5BlockingClient client;
    private final EnvelopeSigner signer;
    private final AtomicLong seq = new AtomicLong();
    private final Map<String, BlockingQueue<Envelope>> results = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<Envelope>> checkResults = new ConcurrentHashMap<>();
    /** Every raw result payload received, for schema checks. */
    public final BlockingQueue<byte[]> rawResults = new LinkedBlockingQueue<>();

    public TestHandheld(Scenario.DeviceCredentials device, String host, int port) {
        this(device, MqttClient.builder().serverHost(host).serverPort(port));
    }

    /** A handheld on a broker as the simulator reaches it: an {@code mqtts://} URL checks the CA and the host name. */
    public TestHandheld(Scenario.DeviceCredentials device, BrokerUrl broker) {
        this(device, broker.clientBuilder(device.deviceId(), Duration.ofSeconds(10)));
    }

    private TestHandheld(Scenario.DeviceCredentials device, MqttClientBuilder builder) {
        this.device = device;
        this.signer = new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey()));
        this.client = builder.identifier(device.deviceId()).useMqttVersion5()
                .simpleAuth().username(device.deviceId()).password(device.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().buildBlocking();
        client.connect();
        client.toAsync().subscribeWith().topicFilter(resultTopic()).qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::onResult).send().join();
        client.toAsync().subscribeWith().topicFilter(Topics.device(device.siteId(), device.deviceId(), Topics.CYLINDER_CHECK_RESULT))
                .qos(MqttQos.AT_LEAST_ONCE).callback(this::onCheckResult).send().join();
    }

    private void onCheckResult(Mqtt5Publish publish) {
        byte[] payload = publish.getPayloadAsBytes();
        rawResults.add(payload);
        try {
            Envelope envelope = ProtocolCodec.decode(payload);
            String requestId = Ids.canonical(envelope.body().path("requestId").asText(""));
            checkResults.computeIfAbsent(requestId, k -> new LinkedBlockingQueue<>()).add(envelope);
        } catch (Exception e) {
            throw new IllegalStateException("the server sent a check result that does not decode", e);
        }
    }

    /** Signs and sends a cylinder-check, then waits for its (verified) result. */
    public CylinderCheckResult cylinderCheck(CylinderCheckRequest request) {
        Envelope envelope = signer.sign(ProtocolCodec.envelope(MessageTypes.CYLINDER_CHECK, device.deviceId(), device.siteId(),
                seq.incrementAndGet(), request));
        publishRaw(Topics.device(device.siteId(), device.deviceId(), Topics.CYLINDER_CHECK), ProtocolCodec.encode(envelope));
        try {
            Envelope result = checkResults.computeIfAbsent(Ids.canonical(request.requestId()), k -> new LinkedBlockingQueue<>())
                    .poll(15, TimeUnit.SECONDS);
            if (result == null) {
                throw new AssertionError("no result for cylinder check " + request.requestId());
            }
            if (!EnvelopeVerifier.verify(result, DeviceKeys.decodePublic(device.serverPublicKey()))) {
                throw new AssertionError("the check result is not signed with the server key the device was given");
            }
            return ProtocolCodec.body(result, CylinderCheckResult.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (com.platepay.protocol.ProtocolException e) {
            throw new AssertionError("the check result does not decode", e);
        }
    }

    public String resultTopic() {
        return Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE_RESULT);
    }

    public String chargeTopic() {
        return Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE);
    }

    private void onResult(Mqtt5Publish publish) {
        byte[] payload = publish.getPayloadAsBytes();
        rawResults.add(payload);
        try {
            Envelope envelope = ProtocolCodec.decode(payload);
            String chargeId = Ids.canonical(envelope.body().path("chargeId").asText(""));
            results.computeIfAbsent(chargeId, k -> new LinkedBlockingQueue<>()).add(envelope);
        } catch (Exception e) {
            throw new IllegalStateException("the server sent a result that does not decode", e);
        }
    }

    /** A charge for a blue plate (the plates tests enrol are blue). */
    public static ChargeRequest request(String chargeId, String plate, long amount) {
        return request(chargeId, plate, "BLUE", amount);
    }

    public static ChargeRequest request(String chargeId, String plate, String colour, long amount) {
        return new ChargeRequest(chargeId, plate, colour, amount, "CNY", 25_300L, "M3", 420L, "3", Instant.now(), "att-1");
    }

    /** Signs and sends a charge, then waits for its result. */
    public ChargeResult charge(ChargeRequest request) {
        send(envelopeFor(request));
        return awaitResult(request.chargeId(), Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("no result for charge " + request.chargeId()));
    }

    public Envelope envelopeFor(ChargeRequest request) {
        return signer.sign(ProtocolCodec.envelope(MessageTypes.CHARGE, device.deviceId(), device.siteId(), seq.incrementAndGet(), request));
    }

    public Mqtt5PubAckReasonCode send(Envelope envelope) {
        return publishRaw(chargeTopic(), ProtocolCodec.encode(envelope));
    }

    public Mqtt5PubAckReasonCode publishRaw(String topic, byte[] payload) {
        return publishRaw(topic, payload, false);
    }

    public Mqtt5PubAckReasonCode publishRaw(String topic, byte[] payload, boolean retain) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(payload).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException refused) {
            return refused.getMqttMessage().getReasonCode();
        }
    }

    public Optional<ChargeResult> awaitResult(String chargeId, Duration timeout) {
        try {
            Envelope envelope = results.computeIfAbsent(Ids.canonical(chargeId), k -> new LinkedBlockingQueue<>())
                    .poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (envelope == null) {
                return Optional.empty();
            }
            if (!EnvelopeVerifier.verify(envelope, DeviceKeys.decodePublic(device.serverPublicKey()))) {
                throw new AssertionError("the result for " + chargeId + " is not signed with the server key the device was given");
            }
            return Optional.of(ProtocolCodec.body(envelope, ChargeResult.class));
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean connected() {
        return client.getState().isConnected();
    }

    @Override
    public void close() {
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }
}
