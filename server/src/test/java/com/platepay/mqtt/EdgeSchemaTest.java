package com.platepay.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.CanonicalJson;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server accepts exactly what the contract's schemas accept: what an independent device vendor found it
 * taking (or answering wrongly) is refused here with the code the contract's table gives, correctly signed, so the
 * schema (not the signature) is what refuses it. Nothing is charged, and every message gets an answer.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class EdgeSchemaTest extends StackTest {

    Scenario.DeviceCredentials device;
    TestHandheld handheld;
    Scenario.Enrolled driver;

    @BeforeEach
    void setUp() {
        device = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        handheld = new TestHandheld(device, "127.0.0.1", mqttPort);
        driver = scenario.enrolled(Users.ALICE, 50_000);
    }

    long expectedBalance = 50_000;

    @AfterEach
    void nothingWasCharged() {
        assertEquals(expectedBalance, bank.balance(driver.account()), "a refused message must not move money");
        handheld.close();
    }

    @Test
    void amountsAtTheEdges() {
        assertEquals(ReasonCodes.INVALID_AMOUNT, refusedWith(e -> body(e).put("amount", 9_007_199_254_740_992L)).reasonCode(),
                "2^53 is answered, not ignored");
        ChargeResult fraction = refusedWith(e -> body(e).put("amount", 1.5));
        assertEquals(ReasonCodes.MALFORMED, fraction.reasonCode(), "a fraction is a malformed amount, not a bad signature");
        assertNull(fraction.amount(), "a signed result never states an amount the device did not send");
        assertEquals(ReasonCodes.INVALID_AMOUNT, refusedWith(e -> body(e).put("amount", 10_000_000_001L)).reasonCode());
    }

    @Test
    void anIntegerWrittenWithAnExponentIsThatInteger() {
        // JSON Schema and RFC 8785 both read 1e2 as the integer 100: signed over the canonical bytes ("amount":100),
        // sent as written by the device.
        ObjectNode envelope = signed(e -> { });
        String sent = envelope.toString().replace("\"amount\":100,", "\"amount\":1e2,");
        handheld.publishRaw(handheld.chargeTopic(), sent.getBytes(StandardCharsets.UTF_8));
        ChargeResult result = handheld.awaitResult(envelope.path("body").path("chargeId").asText(), Duration.ofSeconds(10)).orElseThrow();
        assertEquals(ResultStatus.APPROVED, result.status(), () -> "got " + result);
        assertEquals(100L, result.amount());
        expectedBalance -= 100;
    }

    @Test
    void stringsTheSchemaForbids() {
        assertEquals(ReasonCodes.INVALID_PLATE, refusedWith(e -> body(e).put("plate", driver.plate() + " ".repeat(40))).reasonCode());
        // Over the server's 16 KiB but under the broker's 64 KiB packet limit: the server refuses it unread.
        ObjectNode huge = signed(e -> { });
        body(huge).put("plate", driver.plate() + " ".repeat(40 * 1024));
        handheld.publishRaw(handheld.chargeTopic(), huge.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(ReasonCodes.MALFORMED, answer("").reasonCode(), "a message far over the size limit is refused unread");
        assertEquals(ReasonCodes.INVALID_FIELD, refusedWith(e -> body(e).put("plateColour", "blue")).reasonCode());
        assertEquals(ReasonCodes.INVALID_FIELD, refusedWith(e -> body(e).putNull("plateColour")).reasonCode());
        assertEquals(ReasonCodes.INVALID_FIELD, refusedWith(e -> body(e).put("plateColour", "PURPLE")).reasonCode());
        assertEquals(ReasonCodes.MISSING_FIELD, refusedWith(e -> body(e).remove("volumeUnit")).reasonCode(),
                "volumeMilli needs its unit");
        assertEquals(ReasonCodes.INVALID_FIELD, refusedWith(e -> e.put("id", "message-1")).reasonCode(),
                "an envelope id is a UUID or a ULID");
        assertEquals(ReasonCodes.INVALID_FIELD, refusedWith(e -> e.put("sentAt", "2026-11-23T09:00:00Z")).reasonCode(),
                "the table says INVALID_FIELD for a bad sentAt");
        assertEquals(ReasonCodes.MISSING_FIELD, refusedRaw(e -> e.remove("sig")).reasonCode(),
                "the schema runs first: a missing sig is a missing field");
    }

    @Test
    void aByteOrderMarkIsRefused() {
        ObjectNode envelope = signed(e -> { });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(envelope.toString().getBytes(StandardCharsets.UTF_8));
        handheld.publishRaw(handheld.chargeTopic(), bytes.toByteArray());
        // Refused unread, so the answer cannot name the charge: MQTT 5 devices match it by correlation data.
        assertEquals(ReasonCodes.MALFORMED, answer("").reasonCode());
    }

    @Test
    void onlyUtf8IsRead() {
        // The fuzzer's find: the JSON parser alone detects UTF-16 and reads it, and such charges were debited.
        for (java.nio.charset.Charset charset : new java.nio.charset.Charset[] {StandardCharsets.UTF_16, StandardCharsets.UTF_16LE}) {
            ObjectNode envelope = signed(e -> { });
            handheld.publishRaw(handheld.chargeTopic(), envelope.toString().getBytes(charset));
            assertEquals(ReasonCodes.MALFORMED, answer("").reasonCode(), charset.name());
        }
    }

    /** A valid charge, changed, then signed correctly. */
    private ChargeResult refusedWith(Consumer<ObjectNode> change) {
        ObjectNode envelope = signed(change);
        handheld.publishRaw(handheld.chargeTopic(), envelope.toString().getBytes(StandardCharsets.UTF_8));
        return answer(envelope.path("body").path("chargeId").asText());
    }

    /** Changed after signing: for messages that cannot be signed (too large) or where the schema must answer first. */
    private ChargeResult refusedRaw(Consumer<ObjectNode> change) {
        ObjectNode envelope = signed(e -> { });
        change.accept(envelope);
        handheld.publishRaw(handheld.chargeTopic(), envelope.toString().getBytes(StandardCharsets.UTF_8));
        return answer(envelope.path("body").path("chargeId").asText());
    }

    private ObjectNode signed(Consumer<ObjectNode> change) {
        ObjectNode envelope = (ObjectNode) ProtocolCodec.tree(handheld.envelopeFor(
                TestHandheld.request(Ids.newUuidV7(), driver.plate(), 100)));
        envelope.remove("sig");
        change.accept(envelope);
        // Floats cannot be signed (canonical JSON is integers only); the schema refuses them before the signature.
        envelope.put("sig", canonicalisable(envelope) ? sign(envelope) : "A".repeat(86));
        return envelope;
    }

    private static ObjectNode body(ObjectNode envelope) {
        return (ObjectNode) envelope.get("body");
    }

    private static boolean canonicalisable(ObjectNode envelope) {
        try {
            CanonicalJson.bytes(envelope);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String sign(ObjectNode withoutSig) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(DeviceKeys.decodePrivate(device.privateKey()));
            ed.update(CanonicalJson.bytes(withoutSig));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ed.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ChargeResult answer(String chargeId) {
        ChargeResult result = handheld.awaitResult(chargeId, Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no answer for " + chargeId));
        assertEquals(ResultStatus.REJECTED, result.status(), () -> "got " + result);
        return result;
    }
}
