package com.platepay.bench;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.sim.BrokerUrl;
import com.platepay.protocol.sim.DeviceConfig;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One simulated handheld of the load: signs charges, and hands on each result whose server signature verifies. */
final class LoadDevice {

    /** A verified result: its canonical charge id, status and reason code. */
    record Result(String chargeId, String status, String reasonCode) {
    }

    private final DeviceConfig device;
    private final BrokerUrl broker;
    private final EnvelopeSigner signer;
    private final PublicKey serverKey;
    private final String chargeTopic;
    private final String resultTopic;
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis());
    private Mqtt5AsyncClient client;

    /** {@code broker}: its address, and over TLS the CA to trust and the device's client certificate. */
    LoadDevice(DeviceConfig device, BrokerUrl broker) {
        this.device = device;
        this.broker = broker;
        this.signer = new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey()));
        this.serverKey = DeviceKeys.decodePublic(device.serverPublicKey());
        this.chargeTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE);
        this.resultTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE_RESULT);
    }

    /** Connected and subscribed to its result topic when the future completes. */
    CompletableFuture<Void> connect(Consumer<Result> results, Runnable badSignature) {
        client = broker.clientBuilder(device.deviceId(), Duration.ofSeconds(10)).useMqttVersion5()
                .simpleAuth().username(device.mqttUsername() != null ? device.mqttUsername() : device.deviceId())
                .password(device.mqttPassword().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, p -> onResult(p, results, badSignature));
        return client.connectWith().cleanStart(true).sessionExpiryInterval(0).keepAlive(30).send()
                .thenCompose(ack -> client.subscribeWith().topicFilter(resultTopic).qos(MqttQos.AT_LEAST_ONCE).send())
                .thenApply(ack -> null);
    }

    /** Publishes a fresh charge; the future fails when the broker did not take it. */
    CompletableFuture<?> charge(String chargeId, String plate, long amount) {
        ChargeRequest body = new ChargeRequest(chargeId, plate, "BLUE", amount, "CNY", null, null, null, "pump-1",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), "bench");
        byte[] payload = ProtocolCodec.encode(signer.sign(ProtocolCodec.envelope(MessageTypes.CHARGE, device.deviceId(),
                device.siteId(), seq.incrementAndGet(), body)));
        return client.publishWith().topic(chargeTopic).qos(MqttQos.AT_LEAST_ONCE).contentType("application/json")
                .payload(payload).send();
    }

    private void onResult(Mqtt5Publish publish, Consumer<Result> results, Runnable badSignature) {
        Envelope envelope;
        try {
            envelope = ProtocolCodec.decode(publish.getPayloadAsBytes());
        } catch (Exception e) {
            badSignature.run();
            return;
        }
        if (!EnvelopeVerifier.verify(envelope, serverKey)) {
            badSignature.run();
            return;
        }
        var body = envelope.body();
        results.accept(new Result(body.path("chargeId").asText("").toLowerCase(Locale.ROOT), body.path("status").asText(""),
                body.path("reasonCode").asText("")));
    }

    void close() {
        if (client != null) {
            try {
                client.disconnect().get(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // leaving anyway
            }
        }
    }
}
