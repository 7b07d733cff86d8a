package com.platepay.edge.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.protocol.testing.CuttableProxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The box's presence on its status topic: ONLINE on every connection, the OFFLINE will when the connection is cut
 * without a DISCONNECT (signed for that connection: a reconnect's will outranks its ONLINE), OFFLINE on a clean close.
 */
class LanePresenceTest {

    static final String SITE = "lot-1";
    static final String DEVICE = "0195c8e2-0000-7000-8000-000000000002";

    @TempDir
    Path dir;

    TestBroker broker;
    FakeServer server;
    KeyPair deviceKey = DeviceKeys.generate();
    Mqtt5BlockingClient observer;
    final BlockingQueue<Envelope> statuses = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        broker = new TestBroker(dir.resolve("broker"));
        server = new FakeServer(broker.port, SITE, DEVICE, deviceKey.getPublic());
        observer = MqttClient.builder().useMqttVersion5().identifier("observer").serverHost("127.0.0.1").serverPort(broker.port).buildBlocking();
        observer.connect();
        observer.toAsync().subscribeWith().topicFilter(Topics.device(SITE, DEVICE, Topics.STATUS)).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> {
                    try {
                        statuses.add(ProtocolCodec.decode(p.getPayloadAsBytes()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).send().join();
    }

    /** The highest status seq seen so far. */
    private long newest = Long.MIN_VALUE;

    @AfterEach
    void stop() throws Exception {
        observer.disconnect();
        server.close();
        broker.close();
    }

    @Test
    void onlineOnConnectTheWillWhenCutAndOfflineOnClose() throws Exception {
        try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", broker.port)) {
            LaneDevice device = new LaneDevice(DEVICE, SITE, DEVICE, "pw", DeviceKeys.encodePrivate(deviceKey.getPrivate()), "127.0.0.1",
                    proxy.port(), server.publicKey(), "exit-1", PlateRead.Direction.EXIT);
            Events events = new Events(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()));
            try (LaneBox box = new LaneBox(device, Journal.open(dir.resolve("journal.log")), new CropStore(dir.resolve("crops"), Duration.ofDays(1)),
                    new AllowListStore(dir.resolve("allow-list.json")), new SimulatedBarrier(line -> { }), events, Duration.ofMillis(800))) {
                box.start();
                Envelope online = next("ONLINE");

                proxy.cut();   // no DISCONNECT: the broker publishes the will
                Envelope will = next("OFFLINE");
                assertEquals(online.seq() + 1, will.seq(), "the will outranks its own connection's ONLINE");

                Envelope again = next("ONLINE");   // the box reconnects by itself, with a will signed for the new connection
                assertTrue(again.seq() > will.seq());
                proxy.cut();
                assertEquals(again.seq() + 1, next("OFFLINE").seq(), "the reconnect's will is its own, not the first one");
                Envelope third = next("ONLINE");
                box.close();
                assertTrue(next("OFFLINE").seq() > third.seq() + 1, "a clean close says OFFLINE itself, newer than the last will");
            }
        }
    }

    /**
     * The next status newer than every one before it. Older ones are skipped, as the server's register skips them: an
     * ONLINE whose PUBACK the cut lost is sent again (DUP) by the box's client on reconnect, after the will.
     */
    private Envelope next(String state) throws InterruptedException {
        long deadline = System.nanoTime() + FakeServer.patience().toNanos();
        while (true) {
            Envelope e = statuses.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(e, "no status " + state);
            assertEquals(MessageTypes.STATUS, e.type());
            assertTrue(EnvelopeVerifier.verify(e, deviceKey.getPublic()), "signed with the box's key");
            if (e.seq() <= newest) {
                continue;
            }
            newest = e.seq();
            assertEquals(state, e.body().path("state").asText());
            return e;
        }
    }
}
