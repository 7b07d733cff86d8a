package com.platepay.protocol.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator and a stand-in server through Debian's Mosquitto, a broker nobody here wrote. Skipped without it. */
class MosquittoInteropTest {
    private static final Path MOSQUITTO = Path.of(System.getProperty("platepay.mosquitto", "/usr/sbin/mosquitto"));
    private static final KeyPair DEVICE = DeviceKeys.generate();

    @TempDir
    static Path dir;
    static Process broker;
    static int port;
    static Responder responder;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(MOSQUITTO), "mosquitto is not installed (apt-get install mosquitto)");
        port = TestBroker.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                break;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline || !broker.isAlive()) {
                    throw new IllegalStateException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
                }
                Thread.sleep(50);
            }
        }
        responder = new Responder(port, "server", "any", DeviceKeys.generate().getPrivate());
    }

    @AfterAll
    static void stop() throws Exception {
        if (responder != null) {
            responder.close();
        }
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(5, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    private static JsonNode charge(String mqtt) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HandheldCli.run(new String[] {"charge", "--plate", "黑E12345", "--amount", "128.50", "--device-id", "hh-7",
                "--site-id", "s-7", "--password", "pw", "--private-key", DeviceKeys.encodePrivate(DEVICE.getPrivate()),
                "--broker", "tcp://127.0.0.1:" + port, "--mqtt", mqtt, "--timeout", "5s"},
                new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), Map.of());
        assertEquals(0, code, err.toString(UTF_8));
        return ProtocolCodec.mapper().readTree(out.toByteArray());
    }

    @Test
    void mqtt5RequestResponse() throws Exception {
        JsonNode result = charge("5");
        assertEquals("APPROVED", result.get("status").asText());
        Responder.Seen seen = responder.seen.poll(5, TimeUnit.SECONDS);
        assertTrue(EnvelopeVerifier.verify(seen.envelope(), DEVICE.getPublic()));
        assertEquals(Topics.device("s-7", "hh-7", Topics.CHARGE_RESULT), seen.responseTopic());
        assertArrayEquals(result.get("chargeId").asText().getBytes(UTF_8), seen.correlationData());
    }

    @Test
    void mqtt311() throws Exception {
        assertEquals("APPROVED", charge("3").get("status").asText());
        assertNull(responder.seen.poll(5, TimeUnit.SECONDS).responseTopic());
    }
}
