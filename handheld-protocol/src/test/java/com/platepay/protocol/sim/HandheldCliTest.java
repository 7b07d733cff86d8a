package com.platepay.protocol.sim;

import com.platepay.contracts.ContractSchemas;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator against a real broker (embedded HiveMQ CE) and a stand-in server on the shared subscription. */
class HandheldCliTest {
    private static final String DEVICE = "hh-001";
    private static final String SITE = "dq-cng-01";
    private static final String DEVICE_PASSWORD = "device-pw";
    private static final KeyPair DEVICE_KEYS = DeviceKeys.generate();
    private static final KeyPair SERVER_KEYS = DeviceKeys.generate();

    @TempDir
    static Path dir;
    static TestBroker broker;
    static Responder responder;
    static Path deviceFile;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return ProtocolCodec.mapper().readTree(out);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        broker = new TestBroker(dir.resolve("broker"), Map.of(DEVICE, DEVICE_PASSWORD, "server", "server-pw"));
        responder = new Responder(broker.port, "server", "server-pw", SERVER_KEYS.getPrivate());
        deviceFile = dir.resolve("device/handheld.json");
        Files.createDirectories(deviceFile.getParent());
        ObjectNode f = ProtocolCodec.mapper().createObjectNode()
                .put("deviceId", DEVICE).put("siteId", SITE).put("mqttUsername", DEVICE).put("mqttPassword", DEVICE_PASSWORD)
                .put("privateKey", DeviceKeys.encodePrivate(DEVICE_KEYS.getPrivate())).put("broker", broker.url())
                .put("serverPublicKey", DeviceKeys.encodePublic(SERVER_KEYS.getPublic()))
                .put("publicKey", DeviceKeys.encodePublic(DEVICE_KEYS.getPublic())); // extra fields are ignored
        Files.write(deviceFile, ProtocolCodec.mapper().writeValueAsBytes(f));
    }

    @AfterAll
    static void stop() throws Exception {
        if (responder != null) {
            responder.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void reset() {
        responder.mode = Responder.Mode.APPROVE;
        responder.seen.clear();
    }

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HandheldCli.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), env);
        return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    private static Run charge(String... extra) {
        List<String> args = new ArrayList<>(List.of("charge", "--device-file", deviceFile.toString()));
        args.addAll(List.of(extra));
        return cli(Map.of(), args.toArray(String[]::new));
    }

    @Test
    void aResultNotSignedByTheServerIsIgnored() {
        String stranger = DeviceKeys.encodePublic(DeviceKeys.generate().getPublic());
        Run run = charge("--plate", "黑E12345", "--amount", "1", "--server-key", stranger, "--timeout", "3s");

        assertEquals(HandheldCli.TIMEOUT, run.code(), run.err());
        assertTrue(run.err().contains("ignoring a result whose signature is not the server's"), run.err());
        assertEquals("", run.out(), "nothing is reported as a result");
    }

    @Test
    void approvedChargeOverMqtt5() throws Exception {
        Run run = charge("--plate", "黑E12345", "--amount", "128.50", "--colour", "blue", "--volume", "25.3", "--unit", "m3",
                "--unit-price", "4.20", "--pump", "3", "--attendant", "a1", "--timeout", "10s");
        assertEquals(0, run.code(), run.err());
        JsonNode result = run.json();
        assertEquals("APPROVED", result.get("status").asText());
        assertEquals(12850, result.get("amount").asLong());
        String chargeId = result.get("chargeId").asText();
        assertTrue(Ids.isValidMessageId(chargeId));
        assertTrue(run.err().contains(chargeId), "the chargeId is printed on stderr: " + run.err());

        Responder.Seen seen = responder.seen.poll(5, TimeUnit.SECONDS);
        assertNotNull(seen);
        Envelope e = seen.envelope();
        assertTrue(EnvelopeVerifier.verify(e, DEVICE_KEYS.getPublic()), "validly signed by the device");
        assertEquals(Topics.device(SITE, DEVICE, Topics.CHARGE), seen.topic());
        assertEquals(Topics.device(SITE, DEVICE, Topics.CHARGE_RESULT), seen.responseTopic());
        assertArrayEquals(chargeId.getBytes(UTF_8), seen.correlationData());
        assertEquals(MessageTypes.CHARGE, e.type());
        assertEquals(DEVICE, e.deviceId());
        assertEquals(SITE, e.siteId());
        ChargeRequest req = ProtocolCodec.body(e, ChargeRequest.class);
        assertEquals(new ChargeRequest(chargeId, "黑E12345", "BLUE", 12850, "CNY", 25300L, "M3", 420L, "3", req.capturedAt(), "a1"), req);
        assertEquals(List.of(), ContractSchemas.validateEnvelope(ProtocolCodec.mapper().readTree(seen.payload())));
    }

    @Test
    void resendAfterATimeoutRepeatsTheSameBodyAndSeqGrows() throws Exception {
        responder.mode = Responder.Mode.SILENT;
        Run first = charge("--plate", "黑E12345", "--amount", "10", "--pump", "2", "--timeout", "300ms");
        assertEquals(1, first.code(), first.err());
        Envelope a = responder.seen.poll(5, TimeUnit.SECONDS).envelope();
        String id = a.body().get("chargeId").asText();
        assertTrue(first.err().contains("--charge-id " + id), first.err());
        Path sent = deviceFile.resolveSibling("handheld.sent").resolve(id + ".json");
        assertTrue(Files.exists(sent), "an unanswered charge is kept");

        responder.mode = Responder.Mode.APPROVE;
        Run second = charge("--plate", "黑E12345", "--amount", "10", "--pump", "2", "--charge-id", id, "--timeout", "5s");
        assertEquals(0, second.code(), second.err());
        assertEquals(id, second.json().get("chargeId").asText());
        Envelope b = responder.seen.poll(5, TimeUnit.SECONDS).envelope();
        assertEquals(a.body(), b.body(), "a resend carries the identical body (capturedAt included)");
        assertTrue(b.seq() > a.seq(), "seq grows");
        assertTrue(!a.id().equals(b.id()), "each message has its own id");
        // The seq file keeps the last seq the device used, the charge's or a later status message's (presence).
        long stored = Long.parseLong(Files.readString(deviceFile.resolveSibling("handheld.seq")).strip());
        assertTrue(stored >= b.seq(), "the next run's seq starts above this charge's: " + stored + " < " + b.seq());
        Run third = charge("--plate", "黑E12345", "--amount", "10", "--pump", "2", "--charge-id", id, "--timeout", "5s");
        assertEquals(0, third.code(), third.err());
        Envelope c = responder.seen.poll(5, TimeUnit.SECONDS).envelope();
        assertEquals(a.body(), c.body(), "an answered charge can be resent with the identical body too");
    }

    @Test
    void resendWithAnotherBodyIsSentButWarned() throws Exception {
        String id = Ids.newUuidV7();
        responder.mode = Responder.Mode.SILENT;
        assertEquals(1, charge("--plate", "黑E12345", "--amount", "10", "--charge-id", id, "--timeout", "200ms").code());
        responder.mode = Responder.Mode.APPROVE;
        Run run = charge("--plate", "黑E12345", "--amount", "11", "--charge-id", id, "--timeout", "5s");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("IDEMPOTENCY_CONFLICT"), run.err());
    }

    @Test
    void ignoresResultsForOtherCharges() throws Exception {
        responder.mode = Responder.Mode.DECOY_THEN_APPROVE;
        Run run = charge("--plate", "黑E12345", "--amount", "1.5", "--timeout", "5s");
        assertEquals(0, run.code(), run.err());
        assertEquals("APPROVED", run.json().get("status").asText());
        assertEquals(150, run.json().get("amount").asLong());
        assertTrue(run.err().contains("another charge"), run.err());
    }

    @Test
    void rejectionWithoutChargeIdIsMatchedByCorrelationData() throws Exception {
        responder.mode = Responder.Mode.REJECT_WITHOUT_CHARGE_ID;
        Run run = charge("--plate", "黑E12345", "--amount", "1", "--timeout", "5s");
        assertEquals(0, run.code(), run.err());
        assertEquals("REJECTED", run.json().get("status").asText());
        assertEquals("MALFORMED", run.json().get("reasonCode").asText());
    }

    @Test
    void mqtt311WorksWithoutResponseTopic() throws Exception {
        Run run = charge("--plate", "黑E12345", "--amount", "128.50", "--mqtt", "3", "--timeout", "5s");
        assertEquals(0, run.code(), run.err());
        assertEquals("APPROVED", run.json().get("status").asText());
        Responder.Seen seen = responder.seen.poll(5, TimeUnit.SECONDS);
        assertNull(seen.responseTopic());
        assertNull(seen.correlationData());
        assertTrue(EnvelopeVerifier.verify(seen.envelope(), DEVICE_KEYS.getPublic()));
    }

    @Test
    void flagsAloneAreEnough() throws Exception {
        Run run = cli(Map.of(), "charge", "--plate", "黑E12345", "--amount", "3", "--device-id", DEVICE, "--site-id", SITE,
                "--password", DEVICE_PASSWORD, "--private-key", DeviceKeys.encodePrivate(DEVICE_KEYS.getPrivate()),
                "--broker", broker.url(), "--timeout", "5s");
        assertEquals(0, run.code(), run.err());
        assertEquals(300, run.json().get("amount").asLong());
    }

    @Test
    void demoDeviceFileIsTheDefault() throws Exception {
        Path home = dir.resolve("home");
        Path demo = home.resolve(".platepay/demo/handheld.json");
        Files.createDirectories(demo.getParent());
        Files.copy(deviceFile, demo);
        Run run = cli(Map.of("PLATEPAY_HOME", home.toString()), "charge", "--plate", "黑E12345", "--amount", "2", "--timeout", "5s");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(home.resolve(".platepay/demo/handheld.seq")));
    }

    @Test
    void noResultTimesOutWithExit1() {
        responder.mode = Responder.Mode.SILENT;
        Run run = charge("--plate", "黑E12345", "--amount", "128.50", "--timeout", "300ms");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("no result"), run.err());
        assertTrue(run.err().contains("--charge-id"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unreachableBrokerExits3() throws Exception {
        String url = "tcp://127.0.0.1:" + TestBroker.freePort();
        Run run = charge("--plate", "黑E12345", "--amount", "1", "--broker", url, "--timeout", "3s");
        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains(url), run.err());
    }

    @Test
    void wrongPasswordExits3WithTheBrokersReason() {
        Run run = charge("--plate", "黑E12345", "--amount", "1", "--password", "wrong", "--timeout", "3s");
        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("NOT_AUTHORIZED"), run.err());
        assertTrue(run.err().contains(broker.url()), run.err());
        Run v3 = charge("--plate", "黑E12345", "--amount", "1", "--password", "wrong", "--mqtt", "3", "--timeout", "3s");
        assertEquals(3, v3.code(), v3.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345", "-5", "0", "abc", "1e3", "", "0.00"})
    void badAmountExits2(String amount) {
        Run run = charge("--plate", "黑E12345", "--amount", amount);
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("amount"), run.err());
    }

    @Test
    void otherBadArgumentsExit2() {
        assertEquals(2, charge("--amount", "1").code());
        assertEquals(2, charge("--plate", "黑E12345", "--amount", "1", "--colour", "pink").code());
        assertEquals(2, charge("--plate", "黑E12345", "--amount", "1", "--unit", "GAL").code());
        assertEquals(2, charge("--plate", "黑E12345", "--amount", "1", "--charge-id", "not-an-id").code());
        assertEquals(2, charge("--plate", "黑E12345", "--amount", "1", "--mqtt", "4").code());
        assertEquals(2, charge("--plate", "黑E12345", "--amount", "1", "--timeout", "soon").code());
        assertEquals(2, charge("--plate", "黑E12345", "--amount", "1", "--private-key", "garbage").code());
        assertEquals(2, charge("--plate", "黑E12345", "--amount", "1", "--broker", "http://x").code());
        assertEquals(2, charge("--plate", "黑E12345", "--amount", "1", "--device-id", "a/b").code());
        assertEquals(2, cli(Map.of()).code());
        assertEquals(2, cli(Map.of(), "refund").code());
    }

    @Test
    void noDeviceSaysToRunTheDemo() {
        Run run = cli(Map.of("PLATEPAY_HOME", dir.resolve("empty").toString()), "charge", "--plate", "黑E12345", "--amount", "1");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("./platepay demo"), run.err());
        Run missing = cli(Map.of(), "charge", "--plate", "黑E12345", "--amount", "1", "--device-file", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.json"), missing.err());
    }

    @Test
    void helpExits0() {
        Run run = cli(Map.of(), "charge", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("--plate"));
    }
}
