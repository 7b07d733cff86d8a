package com.platepay.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.platepay.platform.PlatePayConfig;
import com.platepay.platform.ReactiveContext;
import com.platepay.platform.StageTimers;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.sites.DeviceCache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The device gateway: consumes device requests through shared subscriptions (so any number of server replicas
 * split the load), runs the checks every message shares, hands each to its channel, and answers on the device's
 * own result topic, echoing MQTT 5 correlation data. Results carry the request's id too, so MQTT 3.1.1 devices work
 * without response topics.
 *
 * <p>A message is acknowledged only once its channel has committed what it must not lose (for a charge: the first
 * transaction), so a crash before that leaves it with the broker, which delivers it again. At most
 * {@code platepay.mqtt.max-in-flight} messages are taken on at once: the broker sends no more unacknowledged ones
 * (receive maximum), and past the bound acknowledgements wait for answers to go out.
 */
@ApplicationScoped
public class MqttGateway {

    private static final Logger LOG = Logger.getLogger(MqttGateway.class);
    /** The embedded broker serves one server: its session outlives a restart, holding the charges sent meanwhile. */
    private static final long EMBEDDED_SESSION_EXPIRY_SECONDS = 300;

    private final PlatePayConfig config;
    private final ServerIdentity identity;
    private final DeviceCache devices;
    private final DeviceMessageAuthenticator authenticator;
    private final Map<String, DeviceChannel> channels;
    private final ReactiveContext reactive;
    private final InFlightLimit inFlight;
    private final StageTimers stages;
    /** Result sequence numbers only need to grow; starting from the clock keeps them growing across restarts. */
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis() * 1000);

    private EmbeddedBroker broker;
    private Mqtt5AsyncClient client;

    public MqttGateway(PlatePayConfig config, ServerIdentity identity, DeviceCache devices, DeviceMessageAuthenticator authenticator,
                       Instance<DeviceChannel> channels, ReactiveContext reactive, StageTimers stages,
                       io.micrometer.core.instrument.MeterRegistry metrics) {
        this.stages = stages;
        this.config = config;
        this.identity = identity;
        this.devices = devices;
        this.authenticator = authenticator;
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(DeviceChannel::channel, Function.identity()));
        this.reactive = reactive;
        this.inFlight = new InFlightLimit(config.mqtt().maxInFlight());
        metrics.gauge("platepay.mqtt.in.flight", inFlight, InFlightLimit::current);
    }

    void start(@Observes StartupEvent event) throws Exception {
        PlatePayConfig.Mqtt mqtt = config.mqtt();
        if (mqtt.embedded().enabled()) {
            ConnectRateLimit rate = new ConnectRateLimit(mqtt.embedded().connectsPerAddressPerSecond(),
                    Set.copyOf(mqtt.embedded().connectRateExempt().orElse(List.of())), System::nanoTime);
            broker = EmbeddedBroker.start(mqtt, new DeviceAuthenticator(devices, identity, rate));
        }
        var builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(mqtt.clientId().orElseGet(MqttGateway::defaultClientId))
                .serverHost(mqtt.host())
                .serverPort(mqtt.port())
                .simpleAuth().username(identity.username()).password(identity.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .automaticReconnectWithDefaultConfig()
                // Subscribe again on every (re)connect, in case the broker lost the session.
                .addConnectedListener(ctx -> subscribe())
                .addDisconnectedListener(ctx -> LOG.warnf("MQTT connection lost (%s); reconnecting", ctx.getCause().getMessage()));
        // TLS to the broker unless plain MQTT is configured on purpose (ServerClientTls: what is trusted).
        client = ServerClientTls.of(mqtt).map(builder::sslConfig).orElse(builder).buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::onMessage, true);
        long sessionExpiry = mqtt.sessionExpirySeconds().orElse(mqtt.embedded().enabled() ? EMBEDDED_SESSION_EXPIRY_SECONDS : 0);
        client.connectWith().cleanStart(sessionExpiry == 0).sessionExpiryInterval(sessionExpiry).keepAlive(30)
                .restrictions().receiveMaximum(mqtt.maxInFlight()).applyRestrictions()
                .send().get(30, TimeUnit.SECONDS);
        LOG.infof("device gateway connected to MQTT broker %s://%s:%d", mqtt.tls() ? "mqtts" : "tcp", mqtt.host(), mqtt.port());
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

    /** This replica's MQTT client identifier (brokers list sessions by it). */
    public String clientId() {
        return client.getConfig().getClientIdentifier().map(Object::toString).orElse("");
    }

    /** Messages taken on and not yet answered. */
    public int inFlight() {
        return inFlight.current();
    }

    /** Unique per host and HTTP port, so two replicas never share (and steal) one MQTT session. */
    private static String defaultClientId() {
        try {
            String port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.http.port", String.class).orElse("8080");
            return "platepay-server-" + InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9_-]", "") + "-" + port;
        } catch (Exception e) {
            return "platepay-server-" + UUID.randomUUID();
        }
    }

    private void subscribe() {
        for (DeviceChannel channel : channels.values()) {
            String filter = channel.everyReplica() ? Topics.everyDeviceFilter(channel.channel()) : Topics.sharedFilter(channel.channel());
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().whenComplete((ack, failure) -> {
                if (failure != null) {
                    LOG.errorf(failure, "could not subscribe to %s", filter);
                } else {
                    LOG.infof("subscribed to %s", filter);
                }
            });
        }
    }

    private void onMessage(Mqtt5Publish publish) {
        Optional<Topics.DeviceTopic> topic = Topics.parse(publish.getTopic().toString());
        DeviceChannel channel = topic.map(t -> channels.get(t.channel())).orElse(null);
        if (channel == null) {
            LOG.infof("ignored a message on %s", publish.getTopic());
            publish.acknowledge();
            return;
        }
        Topics.DeviceTopic from = topic.get();
        byte[] payload = publish.getPayloadAsBytes();
        Optional<ByteBuffer> correlation = publish.getCorrelationData();
        long received = System.nanoTime();
        inFlight.enter();
        AtomicBoolean acknowledged = new AtomicBoolean();
        Runnable acknowledge = () -> {
            if (acknowledged.compareAndSet(false, true)) {
                inFlight.whenBelowLimit(publish::acknowledge);
            }
        };
        io.opentelemetry.api.trace.Span[] messageSpan = new io.opentelemetry.api.trace.Span[1];
        reactive.run(() -> Uni.createFrom().deferred(() -> {
                            messageSpan[0] = stages.startMessage("mqtt receive " + channel.channel());
                            stages.record(channel.channel() + ".dispatch", System.nanoTime() - received);
                            return stages.time(channel.channel() + ".verify", () -> authenticator.authenticate(from, payload, channel.requestType(),
                                    channel.checksReplayWindow()));
                        })
                        .flatMap(message -> channel.handle(message, acknowledge))
                        .onFailure(DeviceMessageRejection.class).recoverWithItem(e -> {
                            DeviceMessageRejection r = (DeviceMessageRejection) e;
                            LOG.infof("rejected %s message from device %s: %s (%s)", channel.channel(), from.deviceId(), r.code(), r.getMessage());
                            return channel.rejected(r);
                        }))
                .whenComplete((result, failure) -> {
                    inFlight.leave();
                    if (failure != null) {
                        // Nothing was answered: the device keeps its request id and resends, which is safe. Had the
                        // first commit happened, the stored charge answers the resend.
                        LOG.errorf(failure, "%s message from device %s failed; the device will resend", channel.channel(), from.deviceId());
                        reply(channel, from, channel.rejected(new DeviceMessageRejection(ReasonCodes.INTERNAL_ERROR,
                                "the server failed before it could answer; resend the same request", null)), correlation, messageSpan[0]);
                    } else {
                        reply(channel, from, result, correlation, messageSpan[0]);
                        stages.record(channel.channel() + ".total", System.nanoTime() - received);
                        LOG.debugf("%s from %s handled in %.1f ms", channel.channel(), from.deviceId(), (System.nanoTime() - received) / 1e6);
                    }
                    acknowledge.run();
                    StageTimers.end(messageSpan[0], failure);
                });
    }

    /** A signed message the server sends of its own accord (a manual barrier open, an allow-list). */
    public CompletableFuture<Void> publish(String siteId, String deviceId, String channel, String type, Object body,
                                           boolean retain) {
        Envelope envelope = identity.signer().sign(ProtocolCodec.envelope(type, Ids.canonical(deviceId), Ids.canonical(siteId),
                seq.incrementAndGet(), body));
        return client.publishWith().topic(Topics.device(Ids.canonical(siteId), Ids.canonical(deviceId), channel))
                .qos(MqttQos.AT_LEAST_ONCE).retain(retain).contentType("application/json").payload(ProtocolCodec.encode(envelope))
                .send().thenAccept(ack -> { });
    }

    /** Always to the device's own result topic: a device cannot point our answers at another device. */
    private void reply(DeviceChannel channel, Topics.DeviceTopic to, Object body, Optional<ByteBuffer> correlation,
                       io.opentelemetry.api.trace.Span messageSpan) {
        if (channel.resultChannel() == null) {
            return;   // a status is answered by nothing
        }
        io.opentelemetry.api.trace.Span publishing = stages.startChild("mqtt publish " + channel.resultChannel(), messageSpan);
        String deviceId = Ids.canonical(to.deviceId());
        String siteId = Ids.canonical(to.siteId());
        Envelope envelope = identity.signer().sign(ProtocolCodec.envelope(channel.resultType(), deviceId, siteId,
                seq.incrementAndGet(), body));
        var message = client.publishWith()
                .topic(Topics.device(siteId, deviceId, channel.resultChannel()))
                .qos(MqttQos.AT_LEAST_ONCE)
                .contentType("application/json")
                .payload(ProtocolCodec.encode(envelope));
        correlation.ifPresent(message::correlationData);
        message.send().whenComplete((ack, failure) -> {
            StageTimers.end(publishing, failure);
            if (failure != null) {
                LOG.warnf("could not deliver a %s to %s", channel.resultType(), deviceId);
            }
        });
    }
}
