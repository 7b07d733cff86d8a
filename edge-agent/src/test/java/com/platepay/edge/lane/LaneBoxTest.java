package com.platepay.edge.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lane box against a real broker and a stand-in server: journal, resend, barrier, signed commands, allow-list. */
class LaneBoxTest {

    static final String SITE = "lot-1";
    static final String DEVICE = "0195c8e2-0000-7000-8000-000000000001";

    @TempDir
    Path dir;

    TestBroker broker;
    FakeServer server;
    KeyPair deviceKey = DeviceKeys.generate();
    SimulatedBarrier barrier;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        broker = new TestBroker(dir.resolve("broker"));
        server = new FakeServer(broker.port, SITE, DEVICE, deviceKey.getPublic());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        broker.close();
    }

    private LaneBox box() throws Exception {
        LaneDevice device = new LaneDevice(DEVICE, SITE, DEVICE, "pw", DeviceKeys.encodePrivate(deviceKey.getPrivate()), "127.0.0.1",
                broker.port, server.publicKey(), "exit-1", PlateRead.Direction.EXIT);
        barrier = new SimulatedBarrier(line -> { });
        Events events = new Events(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        LaneBox box = new LaneBox(device, Journal.open(dir.resolve("journal.log")), new CropStore(dir.resolve("crops"), Duration.ofDays(1)),
                new AllowListStore(dir.resolve("allow-list.json")), barrier, events, Duration.ofMillis(800));
        box.start();
        await(box::online);
        return box;
    }

    private static PassReader.Pass pass(String plate) {
        return new PassReader.Pass(plate, "BLUE", 980, List.of(new PassReader.Candidate("黑E1234S", 400)), new byte[] {1, 2, 3});
    }

    @Test
    void aReadIsJournaledSentAndTheServersAnswerOpensTheBarrier() throws Exception {
        try (LaneBox box = box()) {
            LaneBox.Recorded r = box.record(pass("黑E12345"));
            LaneCommand answer = r.answer().get(20, TimeUnit.SECONDS);
            assertEquals(LaneCommand.Action.OPEN_BARRIER, answer.action());
            assertEquals(1, barrier.openings());
            await(() -> server.reads.containsKey(r.seq()));
            var body = server.reads.get(r.seq()).body();
            assertEquals("EXIT", body.path("direction").asText());
            assertEquals(980, body.path("confidence").asInt());
            assertEquals(CropStore.sha256(new byte[] {1, 2, 3}), body.path("cropSha256").asText());
            assertTrue(stdout.toString(StandardCharsets.UTF_8).lines().anyMatch(l -> l.contains("\"event\":\"barrier\"")));
        }
        try (Journal j = Journal.open(dir.resolve("journal.log"))) {
            assertEquals(List.of(), j.pending(), "acknowledged: nothing left to send");
        }
    }

    @Test
    void aReadMadeWhileTheBrokerIsDownIsDeliveredAfterItComesBackAndOpensThen() throws Exception {
        try (LaneBox box = box()) {
            broker.stop();
            await(() -> !box.online());
            LaneBox.Recorded r = box.record(pass("黑E12345"));
            assertEquals(0, barrier.openings(), "not on the allow-list: the barrier waits for the server");
            broker.start();
            LaneCommand answer = r.answer().get(30, TimeUnit.SECONDS);
            assertEquals(LaneCommand.Action.OPEN_BARRIER, answer.action());
            assertEquals(1, barrier.openings());
            Thread.sleep(2000);   // a late resend would arrive within this: it must not open the barrier again
            assertEquals(1, barrier.openings());
            assertEquals(java.util.Set.of(r.seq()), server.reads.keySet(), "one read, under its journal seq (the server dedupes by it)");
        }
    }

    @Test
    void aRestartedBoxSendsWhatTheServerHasNotAcknowledged() throws Exception {
        long seq;
        server.answer = false;
        try (LaneBox box = box()) {
            seq = box.record(pass("黑E12345")).seq();
            await(() -> server.reads.containsKey(seq));
        }
        server.answer = true;
        try (LaneBox box = box()) {
            await(() -> barrier.openings() == 1);
        }
        assertTrue(server.deliveries.get(seq).get() >= 2, "sent again after the restart");
    }

    @Test
    void forgedReplayedAndExpiredCommandsDoNotOpenTheBarrier() throws Exception {
        try (LaneBox box = box()) {
            LaneCommand open = FakeServer.command(LaneCommand.Action.OPEN_BARRIER, null, Instant.now().plusSeconds(30));
            server.sendSigned(MessageTypes.COMMAND, open, new EnvelopeSigner(DeviceKeys.generate().getPrivate()), false);
            server.send(FakeServer.command(LaneCommand.Action.OPEN_BARRIER, null, Instant.now().minusSeconds(1)));
            server.send(open);
            await(() -> barrier.openings() == 1);
            server.send(open);   // the same command again: a replay
            Thread.sleep(1500);
            assertEquals(1, barrier.openings(), "only the genuine, fresh command opened, once");
            String events = stdout.toString(StandardCharsets.UTF_8);
            assertTrue(events.contains("not signed by the server"));
            assertTrue(events.contains("expired OPEN_BARRIER"));
            assertTrue(events.contains("seen before"));
        }
    }

    @Test
    void offlineTheAllowListLetsAKnownPlateThroughAndTheReadSaysSo() throws Exception {
        server.allowList(3, "黑E12345");
        try (LaneBox box = box()) {
            await(() -> stdout.toString(StandardCharsets.UTF_8).contains("\"event\":\"allow-list\""));
            broker.stop();
            await(() -> !box.online());
            LaneBox.Recorded known = box.record(pass("黑E12345"));
            assertEquals(1, barrier.openings(), "opened at once for a plate on the list");
            assertTrue(known.openedOffline());
            LaneBox.Recorded unknown = box.record(pass("黑E77777"));
            assertEquals(1, barrier.openings(), "an unknown plate waits");
            assertEquals("Please see the attendant", barrier.screen());
            broker.start();
            await(() -> server.reads.containsKey(known.seq()) && server.reads.containsKey(unknown.seq()));
            assertTrue(server.reads.get(known.seq()).body().path("openedOffline").asBoolean());
            assertEquals(3, server.reads.get(known.seq()).body().path("allowListVersion").asLong());
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + FakeServer.patience().toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + FakeServer.patience());
            }
            Thread.sleep(50);
        }
    }
}
