package com.platepay.protocol.sim;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** MQTT 3.1.1: no response topic or correlation data; the result topic and the chargeId in the body are enough. */
final class Mqtt3Link implements DeviceLink {
    private final BrokerUrl broker;
    private Mqtt3AsyncClient client;

    Mqtt3Link(BrokerUrl broker) {
        this.broker = broker;
    }

    @Override
    public void connect(String clientId, String username, String password, Will will, Duration timeout) throws LinkException {
        client = broker.clientBuilder(clientId, timeout).useMqttVersion3().buildAsync();
        var connect = client.connectWith().cleanSession(true).keepAlive(30);
        if (will != null) {
            connect = connect.willPublish().topic(will.topic()).payload(will.payload()).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .applyWillPublish();
        }
        if (username != null) {
            var auth = connect.simpleAuth().username(username);
            if (password != null) {
                auth = auth.password(password.getBytes(StandardCharsets.UTF_8));
            }
            connect = auth.applySimpleAuth();
        }
        try {
            Mqtt3ConnAck ack = Futures.await(connect.send(), timeout.plusSeconds(1));
            if (ack.getReturnCode().isError()) {
                throw new LinkException("broker " + broker + " refused the connection: " + ack.getReturnCode(), null);
            }
        } catch (Futures.Failure f) {
            if (f.getCause() instanceof Mqtt3ConnAckException e) {
                throw new LinkException("broker " + broker + " refused the connection: " + e.getMqttMessage().getReturnCode(), e);
            }
            throw Futures.linkFailure("cannot connect to broker " + broker, f);
        }
    }

    @Override
    public void subscribe(String topicFilter, Consumer<Received> handler, Duration timeout) throws LinkException {
        try {
            Mqtt3SubAck ack = Futures.await(client.subscribeWith().topicFilter(topicFilter).qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> handler.accept(new Received(p.getTopic().toString(), p.getPayloadAsBytes(), null)))
                    .send(), timeout);
            for (Mqtt3SubAckReturnCode code : ack.getReturnCodes()) {
                if (code.isError()) {
                    throw new LinkException("broker " + broker + " refused the subscription to " + topicFilter + ": " + code, null);
                }
            }
        } catch (Futures.Failure f) {
            throw Futures.linkFailure("subscribing to " + topicFilter + " at " + broker + " failed", f);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, String responseTopic, byte[] correlationData, Duration timeout)
            throws LinkException {
        try {
            Futures.await(client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send(), timeout);
        } catch (Futures.Failure f) {
            throw Futures.linkFailure("publishing to " + topic + " at " + broker + " failed", f);
        }
    }

    @Override
    public void publishRetained(String topic, byte[] payload, Duration timeout) throws LinkException {
        try {
            Futures.await(client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(payload).send(), timeout);
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
}
