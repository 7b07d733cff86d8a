package com.platepay.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.parking.AllowList;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A lane camera as a test drives it: a real MQTT 5 client with the device's key, reading its signed commands. */
public final class TestLane implements AutoCloseable {

    private final Scenario.DeviceCredentials device;
    private final Mqtt5BlockingClient client;
    private final EnvelopeSigner signer;
    private final AtomicLong seq = new AtomicLong(1_000);
    /** Every command that verified with the server's key, in arrival order. */
    public final BlockingQueue<LaneCommand> commands = new LinkedBlockingQueue<>();
    /** Allow-lists that verified, in arrival order. */
    public final BlockingQueue<AllowList> allowLists = new LinkedBlockingQueue<>();
    /** Commands whose signature did not verify (a lane box ignores them). */
    public final BlockingQueue<byte[]> unverified = new LinkedBlockingQueue<>();

    public TestLane(Scenario.DeviceCredentials device, int port) {
        this.device = device;
        this.signer = new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey()));
        this.client = MqttClient.builder().useMqttVersion5().identifier(device.deviceId()).serverHost("127.0.0.1").serverPort(port)
                .simpleAuth().username(device.deviceId()).password(device.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().buildBlocking();
        client.connect();
        client.toAsync().subscribeWith().topicFilter(Topics.device(device.siteId(), device.deviceId(), Topics.COMMAND))
                .qos(MqttQos.AT_LEAST_ONCE).callback(this::onCommand).send().join();
    }

    public String deviceId() {
        return device.deviceId();
    }

    private void onCommand(Mqtt5Publish publish) {
        try {
            Envelope e = ProtocolCodec.decode(publish.getPayloadAsBytes());
            if (!EnvelopeVerifier.verify(e, DeviceKeys.decodePublic(device.serverPublicKey()))) {
                unverified.add(publish.getPayloadAsBytes());
                return;
            }
            if (MessageTypes.ALLOW_LIST.equals(e.type())) {
                allowLists.add(ProtocolCodec.body(e, AllowList.class));
            } else if (MessageTypes.COMMAND.equals(e.type())) {
                commands.add(ProtocolCodec.body(e, LaneCommand.class));
            }
        } catch (Exception ex) {
            throw new IllegalStateException("the server sent a command that does not decode", ex);
        }
    }

    public static PlateRead read(PlateRead.Direction direction, String plate, int confidence, List<PlateRead.Candidate> candidates,
                                 boolean offline) {
        String crop = HexFormat.of().formatHex(new byte[32]).replace('0', 'a');
        return new PlateRead(direction == PlateRead.Direction.ENTRY ? "entry-1" : "exit-1", direction, plate, "BLUE", confidence,
                candidates, Instant.now().truncatedTo(ChronoUnit.MILLIS), crop, offline ? Boolean.TRUE : null, null);
    }

    public long nextSeq() {
        return seq.incrementAndGet();
    }

    /** Signs and sends a read with a fresh seq, then waits for the command answering it. */
    public LaneCommand send(PlateRead read) {
        long s = nextSeq();
        publish(envelope(read, s, Instant.now()));
        return awaitAck(s);
    }

    public Envelope envelope(PlateRead read, long s, Instant sentAt) {
        Envelope e = new Envelope(Envelope.VERSION, com.platepay.protocol.Ids.newUuidV7(), MessageTypes.PLATE_READ, device.deviceId(),
                device.siteId(), s, sentAt.truncatedTo(ChronoUnit.MILLIS), ProtocolCodec.tree(read), null);
        return signer.sign(e);
    }

    public void publish(Envelope e) {
        publishRaw(ProtocolCodec.encode(e));
    }

    public void publishRaw(byte[] payload) {
        client.publishWith().topic(Topics.device(device.siteId(), device.deviceId(), Topics.PLATE_READ)).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload).send();
    }

    /** The next command that answers read {@code s}; fails after 15 s. Others that arrive meanwhile are dropped. */
    public LaneCommand awaitAck(long s) {
        return awaitCommand(c -> c.ackSeq() != null && c.ackSeq() == s, Duration.ofSeconds(15));
    }

    public LaneCommand awaitCommand(java.util.function.Predicate<LaneCommand> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                LaneCommand c = commands.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (c != null && wanted.test(c)) {
                    return c;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no such command within " + timeout);
    }

    @Override
    public void close() {
        if (client.getState().isConnected()) {
            client.disconnect();
        }
    }
}
