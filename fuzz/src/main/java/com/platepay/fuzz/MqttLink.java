package com.platepay.fuzz;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.platepay.protocol.sim.BrokerUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The fuzzing device's MQTT 5 connection (client id = user name = device id), subscribed to its result topic. */
final class MqttLink implements AutoCloseable {
    private final DeviceUnderTest device;
    private final BrokerUrl broker;
    private final Consumer<Mqtt5Publish> onResult;
    private Mqtt5AsyncClient client;

    MqttLink(DeviceUnderTest device, BrokerUrl broker, Consumer<Mqtt5Publish> onResult) {
        this.device = device;
        this.broker = broker;
        this.onResult = onResult;
    }

    void connect() {
        // Host, port and, on mqtts://, TLS checking the broker's certificate (CA and host name).
        client = broker.clientBuilder(device.deviceId(), Duration.ofSeconds(10)).useMqttVersion5()
                .simpleAuth().username(device.deviceId()).password(device.mqttPassword().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().buildAsync();
        await(client.connectWith().cleanStart(true).keepAlive(30).send());
        await(client.subscribeWith().topicFilter(device.resultTopic()).qos(MqttQos.AT_LEAST_ONCE).callback(onResult).send());
    }

    boolean connected() {
        return client != null && client.getState().isConnected();
    }

    /** Publishes at QoS 1 with correlation data; the future says whether the broker took it (empty) or its refusal. */
    CompletableFuture<Optional<String>> publish(String topic, byte[] payload, byte[] correlation) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).correlationData(correlation)
                .responseTopic(device.resultTopic()).send()
                .handle((result, failure) -> refusal(result, failure));
    }

    private static Optional<String> refusal(Mqtt5PublishResult result, Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : failure;
        if (t == null && result != null && result.getError().isPresent()) {
            t = result.getError().get();
        }
        if (t == null) {
            if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result q && q.getPubAck().getReasonCode().isError()) {
                return Optional.of("PUBACK " + q.getPubAck().getReasonCode());
            }
            return Optional.empty();
        }
        if (t instanceof Mqtt5PubAckException p) {
            return Optional.of("PUBACK " + p.getMqttMessage().getReasonCode());
        }
        return Optional.of(t.getClass().getSimpleName());
    }

    void reconnect() {
        close();
        connect();
    }

    @Override
    public void close() {
        if (client != null && client.getState().isConnected()) {
            try {
                client.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gone anyway
            }
        }
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("MQTT: " + e.getMessage(), e);
        }
    }
}
