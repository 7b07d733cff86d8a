package com.platepay.protocol;

import com.platepay.contracts.ContractSchemas;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract (platepay-contracts jar) and this library agree: examples, schemas, signatures, codes. */
class ContractTest {
    static final List<String> EXAMPLES = List.of("charge.json", "charge-result-approved.json", "charge-result-declined.json");

    static byte[] resource(String path) throws IOException {
        try (InputStream in = ContractTest.class.getClassLoader().getResourceAsStream("contracts/" + path)) {
            assertNotNull(in, "contracts/" + path + " is on the classpath");
            return in.readAllBytes();
        }
    }

    static JsonNode json(String path) throws IOException {
        return ProtocolCodec.mapper().readTree(resource(path));
    }

    static PublicKey publishedKey(String who) throws IOException {
        return DeviceKeys.decodePublic(json("examples/keys.json").get(who).get("publicKey").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"charge.json", "charge-result-approved.json", "charge-result-declined.json"})
    void everyExampleValidatesDecodesAndVerifies(String file) throws Exception {
        JsonNode tree = json("examples/" + file);
        assertEquals(List.of(), ContractSchemas.validateEnvelope(tree), file);
        Envelope e = ProtocolCodec.decode(resource("examples/" + file));
        if (e.type().equals(MessageTypes.CHARGE)) {
            ProtocolCodec.body(e, ChargeRequest.class);
            assertTrue(EnvelopeVerifier.verify(e, publishedKey("device")), file + " verifies with the published device key");
            assertFalse(EnvelopeVerifier.verify(e, publishedKey("server")));
            assertEquals(e.deviceId(), json("examples/keys.json").get("device").get("deviceId").asText());
        } else {
            assertEquals(MessageTypes.CHARGE_RESULT, e.type());
            ProtocolCodec.body(e, ChargeResult.class);
            assertTrue(EnvelopeVerifier.verify(e, publishedKey("server")), file + " verifies with the published server key");
        }
    }

    @Test
    void publishedSignedBytesAreTheCanonicalForm() throws Exception {
        Envelope e = ProtocolCodec.decode(resource("examples/charge.json"));
        assertArrayEquals(resource("examples/charge.signed-bytes.txt"), EnvelopeSigner.signedBytes(e));
    }

    @Test
    void codecOutputValidates() throws Exception {
        KeyPair keys = DeviceKeys.generate();
        EnvelopeSigner signer = new EnvelopeSigner(keys.getPrivate());
        ChargeRequest full = new ChargeRequest(Ids.newUuidV7(), "黑E12345", "GREEN", 1, "CNY", 25300L, "L", 420L, "3",
                Instant.now(), "a1");
        ChargeRequest minimal = new ChargeRequest(Ids.newUuidV7(), "京A·B1234", null, 10_000_000_000L, "CNY", null, null,
                null, null, Instant.parse("2026-11-23T09:00:00Z"), null);
        ChargeResult approved = new ChargeResult(full.chargeId(), ResultStatus.APPROVED, ReasonCodes.APPROVED, "A1",
                "622202******1234", 12850L, "CNY", "ok");
        ChargeResult declined = new ChargeResult(full.chargeId(), ResultStatus.DECLINED, ReasonCodes.OVER_DAILY_CAP, null,
                null, 12850L, "CNY", null);
        ChargeResult rejected = new ChargeResult(null, ResultStatus.REJECTED, ReasonCodes.MALFORMED, null, null, null, null,
                "not JSON");
        for (Object body : List.of(full, minimal)) {
            JsonNode wire = ProtocolCodec.mapper().readTree(ProtocolCodec.encode(
                    signer.sign(ProtocolCodec.envelope(MessageTypes.CHARGE, "hh-1", "site-1", 1, body))));
            assertEquals(List.of(), ContractSchemas.validateEnvelope(wire), wire.toString());
        }
        for (Object body : List.of(approved, declined, rejected)) {
            JsonNode wire = ProtocolCodec.mapper().readTree(ProtocolCodec.encode(
                    signer.sign(ProtocolCodec.envelope(MessageTypes.CHARGE_RESULT, "hh-1", "site-1", Long.MAX_VALUE >>> 11, body))));
            assertEquals(List.of(), ContractSchemas.validateEnvelope(wire), wire.toString());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
            "body.amount | 0",
            "body.amount | 128.5",
            "body.amount | \"12850\"",
            "body.plateColour | \"PINK\"",
            "body.volumeUnit | \"GAL\"",
            "body.chargeId | \"charge-1\"",
            "body.currency | \"cny\"",
            "body.capturedAt | \"yesterday\"",
            "body.surprise | 1",
            "deviceId | \"hh/1\"",
            "siteId | \"+\"",
            "sentAt | \"2026-11-23T08:59:59Z\"",
            "v | 2",
            "seq | -1",
            "sig | \"short\"",
            "extra | true"})
    void schemaRefusesBadCharges(String field, String value) throws Exception {
        ObjectNode e = (ObjectNode) json("examples/charge.json");
        JsonNode v = ProtocolCodec.mapper().readTree(value);
        if (field.startsWith("body.")) {
            ((ObjectNode) e.get("body")).set(field.substring(5), v);
        } else {
            e.set(field, v);
        }
        assertFalse(ContractSchemas.validateEnvelope(e).isEmpty(), field + "=" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sig", "body.chargeId", "body.amount", "body.currency", "body.capturedAt", "body.plate", "id", "seq"})
    void schemaRequires(String field) throws Exception {
        ObjectNode e = (ObjectNode) json("examples/charge.json");
        if (field.startsWith("body.")) {
            ((ObjectNode) e.get("body")).remove(field.substring(5));
        } else {
            e.remove(field);
        }
        assertFalse(ContractSchemas.validateEnvelope(e).isEmpty(), field);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
            "approvalCode | ",
            "maskedCard | ",
            "maskedCard | \"6222020200001234567\"",
            "maskedCard | \"6222 0202 0000 1234\"",
            "reasonCode | \"NOT_ENROLLED\"",
            "reasonCode | \"PAID\"",
            "status | \"PAID\"",
            "amount | 0"})
    void schemaRefusesBadResults(String field, String value) throws Exception {
        ObjectNode e = (ObjectNode) json("examples/charge-result-approved.json");
        ObjectNode body = (ObjectNode) e.get("body");
        if (value == null) {
            body.remove(field);
        } else {
            body.set(field, ProtocolCodec.mapper().readTree(value));
        }
        assertFalse(ContractSchemas.validateEnvelope(e).isEmpty(), field + "=" + value);
    }

    @Test
    void declinedCannotSayApproved() throws Exception {
        ObjectNode e = (ObjectNode) json("examples/charge-result-declined.json");
        ((ObjectNode) e.get("body")).put("reasonCode", "APPROVED");
        assertFalse(ContractSchemas.validateEnvelope(e).isEmpty());
    }

    @Test
    void reasonCodesInTheSchemaAreTheLibrarys() throws Exception {
        List<String> inSchema = new ArrayList<>();
        json("schemas/charge-result.schema.json").get("properties").get("reasonCode").get("enum")
                .forEach(n -> inSchema.add(n.asText()));
        assertEquals(ReasonCodes.ALL, inSchema);
    }
}
