package com.platepay.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Ledgers;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad device message gets its own reason code (or is refused by the broker) and charges nothing. */
@QuarkusTest
@WithTestResource(TestStack.class)
class DeviceMessageRejectionTest extends StackTest {

    String site;
    Scenario.DeviceCredentials device;
    TestHandheld handheld;
    Scenario.Enrolled driver;

    @BeforeEach
    void setUp() {
        site = scenario.site(Users.OLGA, "GAS");
        device = scenario.device(Users.OLGA, site, "HANDHELD");
        handheld = new TestHandheld(device, "127.0.0.1", mqttPort);
        driver = scenario.enrolled(Users.ALICE, 50_000);
    }

    @AfterEach
    void nothingWasChargedAndTheServerStillServes() {
        assertEquals(50_000, bank.balance(driver.account()), "a refused message must not move money");
        assertEquals(ResultStatus.APPROVED, handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 100)).status(),
                "the server must keep serving after a bad message");
        handheld.close();
    }

    @Test
    void aRetainedRequestIsRefusedByTheBroker() {
        String chargeId = Ids.newUuidV7();
        byte[] body = ProtocolCodec.encode(handheld.envelopeFor(TestHandheld.request(chargeId, driver.plate(), 100)));
        assertEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, handheld.publishRaw(handheld.chargeTopic(), body, true));
        assertTrue(handheld.awaitResult(chargeId, Duration.ofSeconds(2)).isEmpty(), "a refused publish reaches no server");
        reconnect();
    }

    /** The broker may end the session of a device that broke its rules; the checks after each test need a live one. */
    private void reconnect() {
        handheld.close();
        handheld = new TestHandheld(device, "127.0.0.1", mqttPort);
    }

    @Test
    void aPacketOverTheBrokersLimitNeverLeavesTheDevice() {
        byte[] huge = new byte[70_000];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThrows(RuntimeException.class, () -> handheld.publishRaw(handheld.chargeTopic(), huge),
                "the broker refuses a packet over its maximum size (64 KiB), announced at connect");
        reconnect();
    }

    @Test
    void malformedJson() {
        handheld.publishRaw(handheld.chargeTopic(), "{not json".getBytes(StandardCharsets.UTF_8));
        assertRejected("", ReasonCodes.MALFORMED);
    }

    @Test
    void missingField() {
        String chargeId = Ids.newUuidV7();
        Envelope complete = handheld.envelopeFor(TestHandheld.request(chargeId, driver.plate(), 100));
        ObjectNode withoutPlate = ((ObjectNode) complete.body().deepCopy()).without("plate");
        // Correctly signed, so the body check (not the signature check) is what refuses it.
        handheld.send(new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey())).sign(new Envelope(complete.v(),
                complete.id(), complete.type(), complete.deviceId(), complete.siteId(), complete.seq(), complete.sentAt(),
                withoutPlate, null)));
        assertRejected(chargeId, ReasonCodes.MISSING_FIELD);
    }

    @Test
    void badSignature() {
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 100);
        EnvelopeSigner impostor = new EnvelopeSigner(DeviceKeys.generate().getPrivate());
        handheld.send(impostor.sign(ProtocolCodec.envelope(MessageTypes.CHARGE, device.deviceId(), site, 1, request)));
        assertRejected(request.chargeId(), ReasonCodes.BAD_SIGNATURE);
    }

    @Test
    void tamperedBodyAfterSigning() {
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 100);
        String json = new String(ProtocolCodec.encode(handheld.envelopeFor(request)), StandardCharsets.UTF_8)
                .replace("\"amount\":100", "\"amount\":1");
        handheld.publishRaw(handheld.chargeTopic(), json.getBytes(StandardCharsets.UTF_8));
        assertRejected(request.chargeId(), ReasonCodes.BAD_SIGNATURE);
    }

    @Test
    void replayedOutsideTheWindow() {
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 100);
        Envelope fresh = ProtocolCodec.envelope(MessageTypes.CHARGE, device.deviceId(), site, 1, request);
        Envelope old = new Envelope(fresh.v(), fresh.id(), fresh.type(), fresh.deviceId(), fresh.siteId(), fresh.seq(),
                Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS), fresh.body(), null);
        handheld.send(new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey())).sign(old));
        assertRejected(request.chargeId(), ReasonCodes.REPLAYED);
    }

    @Test
    void amountMustBePositive() {
        for (long amount : new long[] {0, -500}) {
            ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), amount);
            handheld.send(handheld.envelopeFor(request));
            assertRejected(request.chargeId(), ReasonCodes.INVALID_AMOUNT);
        }
    }

    @Test
    void invalidPlateAndChargeId() {
        ChargeRequest badPlate = TestHandheld.request(Ids.newUuidV7(), "NOT-A-PLATE", 100);
        handheld.send(handheld.envelopeFor(badPlate));
        assertRejected(badPlate.chargeId(), ReasonCodes.INVALID_PLATE);

        ChargeRequest badId = TestHandheld.request("charge-1", driver.plate(), 100);
        handheld.send(handheld.envelopeFor(badId));
        // Not an id the result may carry (the result schema allows only UUIDs and ULIDs): MQTT 5 devices match it by
        // correlation data.
        assertRejected("", ReasonCodes.INVALID_CHARGE_ID);
    }

    @Test
    void envelopeClaimingAnotherDevice() {
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 100);
        Envelope forged = new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey()))
                .sign(ProtocolCodec.envelope(MessageTypes.CHARGE, UUID.randomUUID().toString(), site, 1, request));
        handheld.send(forged);
        assertRejected(request.chargeId(), ReasonCodes.TOPIC_MISMATCH);
    }

    @Test
    void theBrokerRefusesPublishingOnAnotherDevicesTopic() {
        Scenario.DeviceCredentials other = scenario.device(Users.OLGA, site, "HANDHELD");
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 100);
        Mqtt5PubAckReasonCode ack = handheld.publishRaw(
                com.platepay.protocol.Topics.device(site, other.deviceId(), "charge"),
                ProtocolCodec.encode(handheld.envelopeFor(request)));
        assertEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, ack);
        assertTrue(handheld.awaitResult(request.chargeId(), Duration.ofSeconds(2)).isEmpty());
        assertEquals(0, Ledgers.count(pool, "select count(*) from charges where charge_ref = $1", request.chargeId()));
        // HiveMQ also disconnects a client that publishes where it may not; the device simply reconnects.
        handheld.close();
        handheld = new TestHandheld(device, "127.0.0.1", mqttPort);
    }

    @Test
    void unknownAndDisabledDevicesCannotConnectOrCharge() {
        Scenario.DeviceCredentials unknown = new Scenario.DeviceCredentials(UUID.randomUUID().toString(), site, "whatever",
                device.privateKey(), device.serverPublicKey());
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refusedConnect(unknown));
        Scenario.DeviceCredentials wrongPassword = new Scenario.DeviceCredentials(device.deviceId(), site, "guess",
                device.privateKey(), device.serverPublicKey());
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refusedConnect(wrongPassword));

        // Disabling takes effect at once: the live session is cut, and new connections are refused.
        Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/disable").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !handheld.connected());
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refusedConnect(device));
        Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/enable").then().statusCode(200);
        handheld = new TestHandheld(device, "127.0.0.1", mqttPort);
    }

    @Test
    void rotatedCredentialsStopTheOldSecretAndKeyAtOnce() {
        String rotated = Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/credentials")
                .then().statusCode(200).extract().path("mqttPassword");
        await().atMost(Duration.ofSeconds(10)).until(() -> !handheld.connected());
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refusedConnect(device));
        // The old signing key no longer verifies, even through a connection made with the new password.
        Scenario.DeviceCredentials newPasswordOldKey = new Scenario.DeviceCredentials(device.deviceId(), site, rotated,
                device.privateKey(), device.serverPublicKey());
        handheld = new TestHandheld(newPasswordOldKey, "127.0.0.1", mqttPort);
        ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 100);
        handheld.send(handheld.envelopeFor(request));
        assertRejected(request.chargeId(), ReasonCodes.BAD_SIGNATURE);
        handheld.close();
        // With the complete new credentials the device works again (the afterEach charge proves it).
        var issued = Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/credentials")
                .then().statusCode(200).extract().jsonPath();
        device = new Scenario.DeviceCredentials(device.deviceId(), site, issued.getString("mqttPassword"),
                issued.getString("privateKey"), issued.getString("serverPublicKey"));
        handheld = new TestHandheld(device, "127.0.0.1", mqttPort);
    }

    private Mqtt5ConnAckReasonCode refusedConnect(Scenario.DeviceCredentials credentials) {
        var client = MqttClient.builder().useMqttVersion5().identifier(credentials.deviceId()).serverHost("127.0.0.1")
                .serverPort(mqttPort).simpleAuth().username(credentials.deviceId())
                .password(credentials.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        return assertThrows(Mqtt5ConnAckException.class, client::connect).getMqttMessage().getReasonCode();
    }

    private void assertRejected(String chargeId, String reason) {
        ChargeResult result = handheld.awaitResult(chargeId, Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no result for " + chargeId));
        assertEquals(ResultStatus.REJECTED, result.status(), () -> "got " + result);
        assertEquals(reason, result.reasonCode());
    }
}
