package com.platepay.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientState;
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
import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.sim.BrokerUrl;
import com.platepay.protocol.sim.DeviceConfig;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A simulated attendant's handheld: one charge at a time, as a real device works. It keeps each charge's id and
 * body until it has a final answer; after a timeout (or an IN_PROGRESS answer) it sends the same body again in a
 * fresh envelope (new message id and sentAt). While duplicate delivery is on, it publishes some messages twice;
 * while the spelling fault is on, it also sends some charges again with the id in upper case.
 * Results are believed only when the server's signature verifies.
 *
 * <p>A handheld that works offline at times (its plan has vouchers) cuts its MQTT connection for each offline
 * stretch, issues its vouchers there ({@link OfflineSide}), and on reconnecting uploads them before its next charge,
 * as the simulator's {@code fill} does; halfway through its plan its device clock jumps.
 */
final class Handheld implements Runnable {
    private static final long IN_PROGRESS_PAUSE_MS = 300;

    private final DeviceConfig device;
    private final List<PlannedCharge> charges;
    private final SuiteConfig config;
    private final HandheldLog log;
    private final Tally tally;
    private final FaultSwitches switches;
    private final BooleanSupplier stopped;
    private final Random random;
    private final EnvelopeSigner signer;
    private final PublicKey serverKey;
    private final String chargeTopic;
    private final String resultTopic;
    private final String checkTopic;
    private final String checkResultTopic;
    private final Map<String, CompletableFuture<JsonNode>> checks = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();
    private final String voucherTopic;
    private final String voucherResultTopic;
    private final String commandTopic;
    /** Null for a handheld that is always online. */
    private final OfflineSide offline;
    private final Duration clockJump;
    private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis());
    private volatile Mqtt5AsyncClient client;
    /** In an offline stretch; and whether its start dropped the connection (a new client connects at its end). */
    private boolean cut;
    private boolean dropped;

    Handheld(DeviceConfig device, List<PlannedCharge> charges, SuiteConfig config, HandheldLog log, Tally tally,
             FaultSwitches switches, BooleanSupplier stopped, long seed) {
        this(device, charges, config, log, tally, switches, stopped, seed, null);
    }

    /** @param clockJump how far its device clock jumps halfway through; null for a handheld that never goes offline */
    Handheld(DeviceConfig device, List<PlannedCharge> charges, SuiteConfig config, HandheldLog log, Tally tally,
             FaultSwitches switches, BooleanSupplier stopped, long seed, Duration clockJump) {
        this.device = device;
        this.charges = charges;
        this.config = config;
        this.log = log;
        this.tally = tally;
        this.switches = switches;
        this.stopped = stopped;
        this.random = new Random(seed);
        this.signer = new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey()));
        this.serverKey = device.serverPublicKey() == null ? null : DeviceKeys.decodePublic(device.serverPublicKey());
        this.chargeTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE);
        this.resultTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE_RESULT);
        this.checkTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CYLINDER_CHECK);
        this.checkResultTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CYLINDER_CHECK_RESULT);
        this.voucherTopic = Topics.device(device.siteId(), device.deviceId(), Topics.VOUCHER);
        this.voucherResultTopic = Topics.device(device.siteId(), device.deviceId(), Topics.VOUCHER_RESULT);
        this.commandTopic = Topics.device(device.siteId(), device.deviceId(), Topics.COMMAND);
        this.clockJump = clockJump;
        this.offline = clockJump == null ? null : new OfflineSide(device, config.workDir().resolve("handhelds").resolve(device.deviceId() + ".json"),
                config, log, tally, switches, new Random(seed + 1), signer, seq::incrementAndGet,
                payload -> client.publishWith().topic(voucherTopic).qos(MqttQos.AT_LEAST_ONCE).contentType("application/json")
                        .payload(payload).send());
    }

    /**
     * Connects (and keeps reconnecting, subscribing again each time: the session is clean). After an offline stretch's
     * cut (a disconnect of its own, which ends the client's flows) it connects as a new client.
     */
    void connect() {
        BrokerUrl broker = BrokerUrl.parse(device.broker());
        subscribed = new CompletableFuture<>();
        Mqtt5AsyncClient[] self = new Mqtt5AsyncClient[1];
        self[0] = MqttClient.builder().useMqttVersion5()
                .identifier(device.deviceId())
                .serverHost(broker.host()).serverPort(broker.port())
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(2, TimeUnit.SECONDS).applyAutomaticReconnect()
                .simpleAuth().username(device.mqttUsername() != null ? device.mqttUsername() : device.deviceId())
                .password(device.mqttPassword().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .addConnectedListener(ctx -> {
                    Mqtt5AsyncClient c = self[0];
                    List<CompletableFuture<?>> subs = new ArrayList<>();
                    subs.add(c.subscribeWith().topicFilter(resultTopic).qos(MqttQos.AT_LEAST_ONCE).send());
                    subs.add(c.subscribeWith().topicFilter(checkResultTopic).qos(MqttQos.AT_LEAST_ONCE).send());
                    if (offline != null) {
                        subs.add(c.subscribeWith().topicFilter(voucherResultTopic).qos(MqttQos.AT_LEAST_ONCE).send());
                        subs.add(c.subscribeWith().topicFilter(commandTopic).qos(MqttQos.AT_LEAST_ONCE).send());
                    }
                    CompletableFuture<Void> done = subscribed;
                    CompletableFuture.allOf(subs.toArray(CompletableFuture[]::new)).whenComplete((ok, e) -> done.complete(null));
                })
                .addDisconnectedListener(ctx -> {
                    if (subscribed.isDone()) {
                        subscribed = new CompletableFuture<>();
                    }
                })
                .buildAsync();
        self[0].publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::onResult);
        client = self[0];
        client.connectWith().cleanStart(true).sessionExpiryInterval(0).keepAlive(10).send();
    }

    @Override
    public void run() {
        for (int i = 0; i < charges.size() && !stopped.getAsBoolean(); i++) {
            PlannedCharge charge = charges.get(i);
            if (offline != null && i == charges.size() / 2) {
                offline.jumpClock(clockJump);
            }
            if (charge.voucher()) {
                goOffline();
                offline.fill(charge, pump(charge));
                continue;
            }
            if (offline != null && (cut || offline.pending())) {
                goOnline();
                offline.upload();
            }
            if (charge.fill()) {
                fill(charge);
            } else {
                send(charge, null);
            }
        }
        // Whatever stopped the load, what was issued offline is uploaded: the queue is what the station is owed.
        if (offline != null && (cut || offline.pending())) {
            goOnline();
            offline.upload();
        }
    }

    /**
     * Cuts the connection for an offline stretch (nothing of this device's is in flight then: one charge at a time).
     * When the connection is down already (the broker went away) the client keeps reconnecting on its own, and the
     * device simply counts itself offline: a second client under the same id would fight it for the session.
     */
    private void goOffline() {
        if (cut) {
            return;
        }
        cut = true;
        tally.offlineStretches.increment();
        try {
            dropped = client.getState() == MqttClientState.CONNECTED;
            if (dropped) {
                client.disconnect().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            dropped = false;   // it was losing the connection anyway: its own reconnecting brings it back
        }
    }

    /** Connects again and waits (bounded) until its subscriptions are back; the uploads retry if the broker is still away. */
    private void goOnline() {
        if (cut) {
            cut = false;
            if (dropped) {
                connect();
            }
        }
        try {
            subscribed.get(config.chargeGiveUp().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // uploads resend until answered or given up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Sleep.SuiteAborted("interrupted");
        }
    }

    /** Whether this handheld's offline side holds an allow-list with vehicles (always true for one that is never offline). */
    boolean readyOffline() {
        return offline == null || offline.holdsList();
    }

    /**
     * A fill as the attendant works it: the cylinder-check (resent under the same request id until it is answered),
     * then the charge naming the check, for at most what it held. When no hold was placed (the vehicle may not pay
     * frictionlessly, or the bank's hold failed) the charge goes plain, as the attendant's next try would.
     */
    private void fill(PlannedCharge charge) {
        JsonNode check = check(new CylinderCheckRequest(Ids.newUuidV7(), null, charge.plate(), "BLUE", "CNG", pump(charge), "fault-suite"));
        if (check != null && check.path("fill").asText().equals("ALLOWED") && check.path("payment").asText().equals("ALLOWED")
                && check.hasNonNull("held")) {
            tally.fillsHeld.increment();
            send(charge.withAmount(Math.min(charge.amount(), check.path("held").asLong())), check.path("checkId").asText());
        } else {
            tally.fillsUnheld.increment();
            send(charge, null);
        }
    }

    /** The check's answer, or null when none came before the charge's give-up time. */
    private JsonNode check(CylinderCheckRequest request) {
        long giveUpAt = System.nanoTime() + config.chargeGiveUp().toNanos();
        while (!stopped.getAsBoolean() && System.nanoTime() < giveUpAt) {
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            checks.put(request.requestId(), answer);
            client.publishWith().topic(checkTopic).qos(MqttQos.AT_LEAST_ONCE).contentType("application/json")
                    .payload(ProtocolCodec.encode(signer.sign(ProtocolCodec.envelope(MessageTypes.CYLINDER_CHECK, device.deviceId(),
                            device.siteId(), seq.incrementAndGet(), request)))).send();
            JsonNode a = await(answer);
            if (a != null && "CHECKED".equals(a.path("status").asText())) {
                checks.remove(request.requestId());
                return a;
            }
            if (a != null) {
                Sleep.millis(IN_PROGRESS_PAUSE_MS);   // refused for now (in progress, or the server failed): ask again
            }
        }
        checks.remove(request.requestId());
        return null;
    }

    private static String pump(PlannedCharge charge) {
        return "pump-" + (charge.handheld() % 8 + 1);
    }

    private void send(PlannedCharge charge, String checkId) {
        ChargeRequest body = new ChargeRequest(charge.chargeId(), charge.plate(), "BLUE", charge.amount(), "CNY", null, null,
                null, pump(charge), Instant.now().truncatedTo(ChronoUnit.MILLIS), "fault-suite", checkId);
        tally.started.increment();
        long giveUpAt = System.nanoTime() + config.chargeGiveUp().toNanos();
        boolean first = true;
        while (!stopped.getAsBoolean() && System.nanoTime() < giveUpAt) {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            waiting.put(charge.chargeId(), answer);
            log.sending(charge, device.deviceId());
            if (!first) {
                tally.resends.increment();
            }
            first = false;
            byte[] payload = ProtocolCodec.encode(signer.sign(ProtocolCodec.envelope(MessageTypes.CHARGE, device.deviceId(),
                    device.siteId(), seq.incrementAndGet(), body)));
            publish(payload);
            if (switches.duplicates() && random.nextDouble() < config.duplicateRate()) {
                publish(payload);
                tally.copies.increment();
            }
            if (switches.otherSpelling() && random.nextDouble() < config.duplicateRate()) {
                publish(ProtocolCodec.encode(signer.sign(ProtocolCodec.envelope(MessageTypes.CHARGE, device.deviceId(),
                        device.siteId(), seq.incrementAndGet(), withChargeId(body, charge.chargeId().toUpperCase(java.util.Locale.ROOT))))));
                tally.otherSpellings.increment();
            }
            Answer a = await(answer);
            if (a == null) {
                continue;
            }
            if (a.inProgress()) {
                tally.inProgress.increment();
                Sleep.millis(IN_PROGRESS_PAUSE_MS);
                continue;
            }
            waiting.remove(charge.chargeId());
            log.ended(charge.chargeId(), a);
            tally.ended(a);
            return;
        }
        waiting.remove(charge.chargeId());
        tally.gaveUp.increment();
    }

    private static ChargeRequest withChargeId(ChargeRequest r, String chargeId) {
        return new ChargeRequest(chargeId, r.plate(), r.plateColour(), r.amount(), r.currency(), r.volumeMilli(), r.volumeUnit(),
                r.unitPrice(), r.pump(), r.capturedAt(), r.attendant(), r.checkId());
    }

    private void publish(byte[] payload) {
        tally.publishes.increment();
        // Not awaited: while the broker is away the client queues or drops it, and the timeout resends either way.
        client.publishWith().topic(chargeTopic).qos(MqttQos.AT_LEAST_ONCE).contentType("application/json").payload(payload).send();
    }

    private <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get(config.resultTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Sleep.SuiteAborted("interrupted");
        }
    }

    private void onResult(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        if (offline != null && topic.equals(commandTopic)) {
            offline.onCommand(publish.getPayloadAsBytes());
            return;
        }
        Envelope envelope;
        try {
            envelope = ProtocolCodec.decode(publish.getPayloadAsBytes());
        } catch (Exception e) {
            tally.badSignatures.increment();
            return;
        }
        if (serverKey != null && !EnvelopeVerifier.verify(envelope, serverKey)) {
            tally.badSignatures.increment();
            return;
        }
        JsonNode body = envelope.body();
        if (offline != null && topic.equals(voucherResultTopic)) {
            offline.onResult(body);
            return;
        }
        if (topic.equals(checkResultTopic)) {
            CompletableFuture<JsonNode> check = checks.get(body.path("requestId").asText(""));
            if (check != null) {
                check.complete(body);
            }
            return;
        }
        // Canonical (lower-case) form, as the charge ids this handheld makes.
        String chargeId = body.path("chargeId").asText("").toLowerCase(java.util.Locale.ROOT);
        Answer a = new Answer(body.path("status").asText(""), body.path("reasonCode").asText(""), body.path("amount").asLong());
        log.heard(chargeId, a);
        CompletableFuture<Answer> f = waiting.get(chargeId);
        if (f != null) {
            f.complete(a);
        }
    }

    void close() {
        if (client != null) {
            try {
                client.disconnect().get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // leaving anyway
            }
        }
    }

    boolean connected() {
        return client != null && client.getState().isConnected();
    }
}
