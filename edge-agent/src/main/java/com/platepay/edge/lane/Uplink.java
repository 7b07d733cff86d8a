package com.platepay.edge.lane;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.status.Presence;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The box's MQTT link: keeps reconnecting, and sends every journal entry the server has not acknowledged, in
 * sequence order, on connect and again every {@code resendAfter} until it is acknowledged. Each send is a fresh
 * envelope (new id, new sentAt, new signature) with the entry's own seq, so the server's replay window holds
 * however long the box was offline, and (device, seq) makes every resend the same read.
 *
 * <p>Each connection reports the box's presence on its {@code status} topic: ONLINE once connected, an OFFLINE last
 * will signed for that connection (a reconnect signs a new one, with a seq above the previous ONLINE's), and OFFLINE
 * before its own DISCONNECT at the end.
 */
final class Uplink implements AutoCloseable {

    private final LaneDevice device;
    private final Journal journal;
    private final EnvelopeSigner signer;
    private final Mqtt5AsyncClient client;
    private final Duration resendAfter;
    private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lane-uplink");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean connected;
    /** Our own disconnect at the end is not an outage to report. */
    private volatile boolean closing;
    /** Status seqs: max(last + 1, epoch millis), so they grow across reconnects and (with the clock) restarts. */
    private final AtomicLong statusSeq = new AtomicLong();
    private volatile Presence presence;

    Uplink(LaneDevice device, Journal journal, Duration resendAfter, Consumer<byte[]> onServerMessage, Consumer<Boolean> onLink) {
        this.device = device;
        this.journal = journal;
        this.resendAfter = resendAfter;
        this.signer = new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey()));
        // Host, port and, on mqtts://, TLS with the broker's certificate checked (CA and host name).
        this.client = device.broker().clientBuilder(device.deviceId(), Duration.ofSeconds(10)).useMqttVersion5()
                .simpleAuth().username(device.mqttUsername()).password(device.mqttPassword().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(2, TimeUnit.SECONDS).applyAutomaticReconnect()
                .addConnectedListener(ctx -> subscribeThenFlush(onLink))
                .addDisconnectedListener(ctx -> {
                    if (connected && !closing) {
                        onLink.accept(false);
                    }
                    connected = false;
                    if (!closing) {
                        // The will is part of CONNECT: the next connection carries one signed for it.
                        ((Mqtt5ClientDisconnectedContext) ctx).getReconnector().connect(connectMessage());
                    }
                })
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, p -> onServerMessage.accept(p.getPayloadAsBytes()), timer);
    }

    void start() {
        // Commands sent while the box was away wait in its session; the box drops those that have expired.
        client.connect(connectMessage());
        timer.scheduleWithFixedDelay(this::flush, resendAfter.toMillis(), resendAfter.toMillis() / 2, TimeUnit.MILLISECONDS);
    }

    private Mqtt5Connect connectMessage() {
        Presence next = new Presence(signer, device.deviceId(), device.siteId(),
                () -> statusSeq.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis())));
        presence = next;
        return Mqtt5Connect.builder().cleanStart(false).sessionExpiryInterval(3600).keepAlive(10)
                .willPublish().topic(next.topic()).payload(next.will()).qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish()
                .build();
    }

    private void publishStatus(byte[] message) {
        client.publishWith().topic(presence.topic()).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(message).send();
    }

    boolean connected() {
        return connected && client.getState().isConnected();
    }

    /** Online only once the command topic is subscribed: an answer must not arrive before the box listens. */
    private void subscribeThenFlush(Consumer<Boolean> onLink) {
        client.subscribeWith().topicFilter(Topics.device(device.siteId(), device.deviceId(), Topics.COMMAND)).qos(MqttQos.AT_LEAST_ONCE)
                .send().whenCompleteAsync((ack, failure) -> {
                    if (failure != null) {
                        return;   // the connection went again; the next connect subscribes
                    }
                    connected = true;
                    publishStatus(presence.online());
                    onLink.accept(true);
                    lastSent.clear();   // a new connection: whatever was in flight may be lost
                    flush();
                }, timer);
    }

    /** Sends what is pending and was not sent within {@code resendAfter}, oldest first. */
    synchronized void flush() {
        if (!connected()) {
            return;
        }
        long now = System.nanoTime();
        for (Journal.Entry e : journal.pending()) {
            Long sent = lastSent.get(e.seq());
            if (sent != null && now - sent < resendAfter.toNanos()) {
                continue;
            }
            lastSent.put(e.seq(), now);
            Envelope envelope = signer.sign(ProtocolCodec.envelope(MessageTypes.PLATE_READ, device.deviceId(), device.siteId(), e.seq(), e.body()));
            client.publishWith().topic(Topics.device(device.siteId(), device.deviceId(), Topics.PLATE_READ)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(ProtocolCodec.encode(envelope)).send();
        }
        lastSent.keySet().removeIf(seq -> !journal.isPending(seq));
    }

    @Override
    public void close() {
        closing = true;
        timer.shutdownNow();
        try {
            if (client.getState().isConnected()) {
                // A clean DISCONNECT drops the will, so the box says OFFLINE itself first.
                client.publishWith().topic(presence.topic()).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(presence.goodbye()).send()
                        .get(3, TimeUnit.SECONDS);
            }
            client.disconnect().get(3, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // going away anyway
        }
    }
}
