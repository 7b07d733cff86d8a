package com.platepay.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.platepay.platform.PlatePayConfig;
import com.platepay.platform.ReactiveContext;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeResult;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The device gateway: consumes device requests through a shared subscription (so any number of server replicas
 * split the load) and answers on each device's own result topic, echoing MQTT 5 correlation data. Results carry
 * the charge id too, so MQTT 3.1.1 devices work without response topics.
 */
@ApplicationScoped
public class MqttGateway {

    private static final Logger LOG = Logger.getLogger(MqttGateway.class);

    private final PlatePayConfig config;
    private final ServerIdentity identity;
    private final DeviceLookup devices;
    private final ChargeMessageHandler charges;
    private final ReactiveContext reactive;
    /** Result sequence numbers only need to grow; starting from the clock keeps them growing across restarts. */
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis() * 1000);

    private EmbeddedBroker broker;
    private Mqtt5AsyncClient client;

    public MqttGateway(PlatePayConfig config, ServerIdentity identity, DeviceLookup devices, ChargeMessageHandler charges,
                       ReactiveContext reactive) {
        this.config = config;
        this.identity = identity;
        this.devices = devices;
        this.charges = charges;
        this.reactive = reactive;
    }

    void start(@Observes StartupEvent event) throws Exception {
        PlatePayConfig.Mqtt mqtt = config.mqtt();
        if (mqtt.embedded().enabled()) {
            broker = EmbeddedBroker.start(mqtt, new DeviceAuthenticator(devices, identity));
        }
        client = MqttClient.builder()
                .useMqttVersion5()
                .identifier("platepay-server-" + UUID.randomUUID())
                .serverHost(mqtt.host())
                .serverPort(mqtt.port())
                .simpleAuth().username(identity.username()).password(identity.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .automaticReconnectWithDefaultConfig()
                // Subscribe again on every (re)connect: a clean session forgets subscriptions.
                .addConnectedListener(ctx -> subscribe())
                .addDisconnectedListener(ctx -> LOG.warnf("MQTT connection lost (%s); reconnecting", ctx.getCause().getMessage()))
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::onMessage);
        client.connectWith().cleanStart(true).keepAlive(30).send().get(30, TimeUnit.SECONDS);
        LOG.infof("device gateway connected to MQTT broker %s:%d", mqtt.host(), mqtt.port());
    }

    void stop(@Observes ShutdownEvent event) {
        if (client != null) {
            try {
                client.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("MQTT disconnect did not complete", e);
            }
        }
        if (broker != null) {
            broker.stop();
        }
    }

    public boolean connected() {
        return client != null && client.getState().isConnected();
    }

    private void subscribe() {
        client.subscribeWith().topicFilter(Topics.sharedFilter(Topics.CHARGE)).qos(MqttQos.AT_LEAST_ONCE).send()
                .whenComplete((ack, failure) -> {
                    if (failure != null) {
                        LOG.error("could not subscribe to device charges", failure);
                    } else {
                        LOG.infof("subscribed to %s", Topics.sharedFilter(Topics.CHARGE));
                    }
                });
    }

    private void onMessage(Mqtt5Publish publish) {
        Optional<Topics.DeviceTopic> topic = Topics.parse(publish.getTopic().toString());
        if (topic.isEmpty() || !Topics.CHARGE.equals(topic.get().channel())) {
            LOG.infof("ignored a message on %s", publish.getTopic());
            return;
        }
        byte[] payload = publish.getPayloadAsBytes();
        Optional<ByteBuffer> correlation = publish.getCorrelationData();
        long received = System.nanoTime();
        reactive.run(() -> charges.handle(topic.get(), payload)).whenComplete((result, failure) -> {
            if (failure != null) {
                // Nothing was answered: the device keeps its charge id and resends, which is safe.
                LOG.errorf(failure, "charge from device %s failed; the device will resend", topic.get().deviceId());
            } else {
                result.ifPresent(r -> reply(topic.get(), r, correlation));
                LOG.debugf("charge from %s handled in %.1f ms", topic.get().deviceId(), (System.nanoTime() - received) / 1e6);
            }
        });
    }

    /** Always to the device's own result topic: a device cannot point our answers at another device. */
    private void reply(Topics.DeviceTopic topic, ChargeResult result, Optional<ByteBuffer> correlation) {
        Envelope envelope = identity.signer().sign(ProtocolCodec.envelope(MessageTypes.CHARGE_RESULT, topic.deviceId(),
                topic.siteId(), seq.incrementAndGet(), result));
        var message = client.publishWith()
                .topic(Topics.device(topic.siteId(), topic.deviceId(), Topics.CHARGE_RESULT))
                .qos(MqttQos.AT_LEAST_ONCE)
                .contentType("application/json")
                .payload(ProtocolCodec.encode(envelope));
        correlation.ifPresent(message::correlationData);
        message.send().whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.warnf("could not deliver result for charge %s to %s", result.chargeId(), topic.deviceId());
            }
        });
    }
}
