package com.platepay.protocol.sim;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** MQTT 5 with request/response properties (response topic + correlation data). */
final class Mqtt5Link implements DeviceLink {
    private final BrokerUrl broker;
    private Mqtt5AsyncClient client;

    Mqtt5Link(BrokerUrl broker) {
        this.broker = broker;
    }

    @Override
    public void connect(String clientId, String username, String password, Will will, Duration timeout) throws LinkException {
        client = broker.clientBuilder(clientId, timeout).useMqttVersion5().buildAsync();
        var connect = client.connectWith().cleanStart(true).sessionExpiryInterval(0).keepAlive(30);
        if (will != null) {
            connect = connect.willPublish().topic(will.topic()).payload(will.payload()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .contentType("application/json").payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8).applyWillPublish();
        }
        if (username != null) {
            var auth = connect.simpleAuth().username(username);
            if (password != null) {
                auth = auth.password(password.getBytes(StandardCharsets.UTF_8));
            }
            connect = auth.applySimpleAuth();
        }
        try {
            Mqtt5ConnAck ack = Futures.await(connect.send(), timeout.plusSeconds(1));
            if (ack.getReasonCode().isError()) {
                throw new LinkException("broker " + broker + " refused the connection: " + ack.getReasonCode(), null);
            }
        } catch (Futures.Failure f) {
            if (f.getCause() instanceof Mqtt5ConnAckException e) {
                throw new LinkException("broker " + broker + " refused the connection: " + e.getMqttMessage().getReasonCode()
                        + e.getMqttMessage().getReasonString().map(r -> " (" + r + ")").orElse(""), e);
            }
            throw Futures.linkFailure("cannot connect to broker " + broker, f);
        }
    }

    @Override
    public void subscribe(String topicFilter, Consumer<Received> handler, Duration timeout) throws LinkException {
        try {
            Mqtt5SubAck ack = Futures.await(client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> handler.accept(new Received(p.getTopic().toString(), p.getPayloadAsBytes(),
                            p.getCorrelationData().map(Mqtt5Link::bytes).orElse(null))))
                    .send(), timeout);
            for (Mqtt5SubAckReasonCode code : ack.getReasonCodes()) {
                if (code.isError()) {
                    throw new LinkException("broker " + broker + " refused the subscription to " + topicFilter + ": " + code, null);
                }
            }
        } catch (Futures.Failure f) {
            if (f.getCause() instanceof Mqtt5SubAckException e) {
                throw new LinkException("broker " + broker + " refused the subscription to " + topicFilter + ": "
                        + e.getMqttMessage().getReasonCodes(), e);
            }
            throw Futures.linkFailure("subscribing to " + topicFilter + " at " + broker + " failed", f);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, String responseTopic, byte[] correlationData, Duration timeout)
            throws LinkException {
        Mqtt5PublishBuilder.Send.Complete<java.util.concurrent.CompletableFuture<Mqtt5PublishResult>> p = client.publishWith()
                .topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload)
                .contentType("application/json")
                .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8);
        if (responseTopic != null) {
            p = p.responseTopic(responseTopic);
        }
        if (correlationData != null) {
            p = p.correlationData(correlationData);
        }
        try {
            Mqtt5PublishResult r = Futures.await(p.send(), timeout);
            if (r.getError().isPresent()) {
                Throwable e = r.getError().get();
                String why = e instanceof Mqtt5PubAckException pe ? pe.getMqttMessage().getReasonCode().toString() : String.valueOf(e.getMessage());
                throw new LinkException("broker " + broker + " refused the publish to " + topic + ": " + why, e);
            }
        } catch (Futures.Failure f) {
            throw Futures.linkFailure("publishing to " + topic + " at " + broker + " failed", f);
        }
    }

    @Override
    public void publishRetained(String topic, byte[] payload, Duration timeout) throws LinkException {
        try {
            Mqtt5PublishResult r = Futures.await(client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(payload)
                    .contentType("application/json").payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8).send(), timeout);
            if (r.getError().isPresent()) {
                throw new LinkException("broker " + broker + " refused the publish to " + topic + ": " + r.getError().get().getMessage(),
                        r.getError().get());
            }
        } catch (Futures.Failure f) {
            throw Futures.linkFailure("publishing to " + topic + " at " + broker + " failed", f);
        }
    }

    @Override
    public void close() {
        if (client != null && client.getState().isConnected()) {
            try {
                client.disconnect().get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // leaving anyway
            }
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
