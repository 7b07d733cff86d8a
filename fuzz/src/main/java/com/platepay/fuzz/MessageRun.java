package com.platepay.fuzz;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.platepay.protocol.sim.BrokerUrl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends cases over one device connection with a window of unanswered messages, and pairs each result with its case
 * by MQTT 5 correlation data. A case for another topic is sent alone (the broker cuts a device that publishes where
 * it may not), then the connection is made again.
 */
public final class MessageRun {
    private final DeviceUnderTest device;
    private final SchemaOracle oracle = new SchemaOracle();
    private final Duration answerTimeout;
    private final MqttLink link;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger extraAnswers = new AtomicInteger();
    private final AtomicInteger uncorrelated = new AtomicInteger();
    private final Semaphore permits;

    /** A case waiting for its answer; it gives its window slot back at the answer or after SLOT_TIMEOUT. */
    private record Pending(Sent sent, long sentNanos, AtomicBoolean holdsSlot) {
        void giveBackSlot(Semaphore permits) {
            if (holdsSlot.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }

    /**
     * A case still unanswered after this stops holding up the others (it is judged at answerTimeout). Long enough
     * that a slow server is not flooded: while it lags, at most window / SLOT_TIMEOUT extra cases per second go out.
     */
    private static final Duration SLOT_TIMEOUT = Duration.ofSeconds(10);
    private final List<FuzzCase> foreignTopicCases = new ArrayList<>();

    public MessageRun(DeviceUnderTest device, BrokerUrl broker, int window, Duration answerTimeout) {
        this.device = device;
        this.answerTimeout = answerTimeout;
        this.permits = new Semaphore(window);
        this.link = new MqttLink(device, broker, this::onResult);
    }

    /** Sends {@code count} cases from {@code cases}; {@code progress} hears about every {@code progressEvery}-th. */
    public List<Outcome> run(Supplier<FuzzCase> cases, int count, int progressEvery, Consumer<String> progress) {
        link.connect();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                FuzzCase c = cases.get();
                Sent sent = Sent.of(c, oracle.judge(c.payload()));
                if (c.ownChargeTopic()) {
                    sendInWindow(c, sent);
                } else {
                    foreignTopicCases.add(c);
                }
                if (progressEvery > 0 && (i + 1) % progressEvery == 0) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    progress.accept(String.format("fuzz: %d/%d sent, %d answered, %d waiting, %.0f msg/s", i + 1, count,
                            outcomes.values().stream().filter(Outcome::answered).count(), pending.size(), (i + 1) / seconds));
                }
            }
            drain();
            // The broker cuts a device that publishes where it may not, so these go last, one at a time.
            for (FuzzCase c : foreignTopicCases) {
                sendAlone(c, Sent.of(c, oracle.judge(c.payload())));
            }
        } finally {
            link.close();
        }
        List<Outcome> all = new ArrayList<>(outcomes.values());
        all.sort((a, b) -> Integer.compare(a.sent().index(), b.sent().index()));
        return all;
    }

    /** Results that carried the correlation data of a case already answered (QoS 1 may deliver twice). */
    public int extraAnswers() {
        return extraAnswers.get();
    }

    /** Results without correlation data the fuzzer set. */
    public int uncorrelatedAnswers() {
        return uncorrelated.get();
    }

    private void sendInWindow(FuzzCase c, Sent sent) {
        acquirePermit();
        if (!link.connected()) {
            reconnect();
        }
        Pending p = new Pending(sent, System.nanoTime(), new AtomicBoolean(true));
        pending.put(c.index(), p);
        link.publish(c.topic(), c.payload(), correlation(c.index())).thenAccept(refusal -> refusal.ifPresent(why -> {
            if (pending.remove(c.index()) != null) {
                outcomes.put(c.index(), new Outcome(sent, null, why, false));
                p.giveBackSlot(permits);
            }
        }));
    }

    private void sendAlone(FuzzCase c, Sent sent) {
        drain();
        Optional<String> refusal;
        try {
            refusal = link.publish(c.topic(), c.payload(), correlation(c.index())).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            refusal = Optional.of(e.getClass().getSimpleName());
        }
        outcomes.put(c.index(), new Outcome(sent, null, refusal.orElse(null), false));
        reconnect();
    }

    private void acquirePermit() {
        try {
            while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                expireOverdue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every case sent so far is answered or overdue. */
    private void drain() {
        try {
            while (!pending.isEmpty()) {
                Thread.sleep(100);
                expireOverdue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void expireOverdue() {
        long now = System.nanoTime();
        pending.forEach((index, p) -> {
            if (now - p.sentNanos() > SLOT_TIMEOUT.toNanos()) {
                p.giveBackSlot(permits);
            }
            if (now - p.sentNanos() > answerTimeout.toNanos() && pending.remove(index) != null) {
                outcomes.put(index, new Outcome(p.sent(), null, null, false));
            }
        });
    }

    private void reconnect() {
        pending.forEach((index, p) -> {
            if (pending.remove(index) != null) {
                outcomes.put(index, new Outcome(p.sent(), null, null, true));
                p.giveBackSlot(permits);
            }
        });
        link.reconnect();
    }

    private void onResult(Mqtt5Publish publish) {
        Optional<ByteBuffer> data = publish.getCorrelationData();
        Integer index = data.map(MessageRun::indexOf).orElse(null);
        if (index == null) {
            uncorrelated.incrementAndGet();
            return;
        }
        Pending p = pending.remove(index);
        if (p == null) {
            extraAnswers.incrementAndGet();
            return;
        }
        outcomes.put(index, new Outcome(p.sent(), Answer.read(publish.getPayloadAsBytes(), device.serverKey()), null, false));
        p.giveBackSlot(permits);
    }

    private static byte[] correlation(int index) {
        return ("fz:" + index).getBytes(StandardCharsets.US_ASCII);
    }

    private static Integer indexOf(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        String s = new String(bytes, StandardCharsets.US_ASCII);
        try {
            return s.startsWith("fz:") ? Integer.valueOf(s.substring(3)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
