package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolCodecTest {
    private static final String CHARGE_ID = "0190f5c1-7d3a-7b2c-9a4e-2f1d3c4b5a69";
    private static final String BODY = "{\"chargeId\":\"" + CHARGE_ID + "\",\"plate\":\"黑E12345\",\"amount\":12850,"
            + "\"currency\":\"CNY\",\"capturedAt\":\"2026-11-23T08:59:58.000Z\"}";

    private static String envelope(String vField, String bodyJson) {
        return "{" + vField + "\"id\":\"0190f5c1-7d3b-7b2c-9a4e-2f1d3c4b5a69\",\"type\":\"charge\",\"deviceId\":\"hh-001\","
                + "\"siteId\":\"site-1\",\"seq\":3,\"sentAt\":\"2026-11-23T09:00:00.120Z\",\"body\":" + bodyJson + "}";
    }

    /** Replaces (or adds) one top-level member, textually, so values Jackson cannot hold still reach the decoder. */
    private static String patch(String json, String member) throws Exception {
        String key = member.substring(0, member.indexOf(':'));
        ObjectNode n = (ObjectNode) ProtocolCodec.mapper().readTree(json);
        n.remove(key.substring(1, key.length() - 1));
        String rest = n.toString().substring(1);
        return "{" + member + (rest.equals("}") ? "" : ",") + rest;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String code(String json) {
        return assertThrows(ProtocolException.class, () -> ProtocolCodec.decode(utf8(json))).code();
    }

    private static String bodyCode(String bodyJson) throws Exception {
        Envelope e = ProtocolCodec.decode(utf8(envelope("\"v\":1,", bodyJson)));
        return assertThrows(ProtocolException.class, () -> ProtocolCodec.body(e, ChargeRequest.class)).code();
    }

    @Test
    void decodesAValidEnvelopeAndBody() throws Exception {
        Envelope e = ProtocolCodec.decode(utf8(envelope("\"v\":1,", BODY)));
        assertEquals(1, e.v());
        assertEquals("hh-001", e.deviceId());
        assertEquals(3, e.seq());
        assertEquals(Instant.parse("2026-11-23T09:00:00.120Z"), e.sentAt());
        assertNull(e.sig());
        ChargeRequest r = ProtocolCodec.body(e, ChargeRequest.class);
        assertEquals(12850, r.amount());
        assertEquals("黑E12345", r.plate());
        assertNull(r.plateColour());
        assertNull(r.volumeMilli());
        assertEquals(Instant.parse("2026-11-23T08:59:58Z"), r.capturedAt());
    }

    @Test
    void encodesInstantsWithMillisAndLeavesNullsOut() throws Exception {
        ChargeRequest r = new ChargeRequest(CHARGE_ID, "黑E12345", null, 100, "CNY", null, null, null, null,
                Instant.parse("2026-11-23T09:00:00Z"), null);
        Envelope e = ProtocolCodec.envelope(MessageTypes.CHARGE, "d1", "s1", 1, r);
        String json = new String(ProtocolCodec.encode(e), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"capturedAt\":\"2026-11-23T09:00:00.000Z\""), json);
        assertFalse(json.contains("null"), json);
        assertFalse(json.contains("sig"), json);
        assertTrue(json.matches(".*\"sentAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\".*"), json);
        assertEquals(e, ProtocolCodec.decode(ProtocolCodec.encode(e)));
        assertEquals(r, ProtocolCodec.body(ProtocolCodec.decode(ProtocolCodec.encode(e)), ChargeRequest.class));
        assertTrue(Ids.isValidMessageId(e.id()));
    }

    @Test
    void resultRoundTrips() throws Exception {
        ChargeResult res = new ChargeResult(CHARGE_ID, ResultStatus.APPROVED, "APPROVED", "A12345", "6222 **** **** 1234",
                12850L, "CNY", "paid");
        Envelope e = ProtocolCodec.envelope(MessageTypes.CHARGE_RESULT, "d1", "s1", 1, res);
        assertEquals(res, ProtocolCodec.body(ProtocolCodec.decode(ProtocolCodec.encode(e)), ChargeResult.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "\"text\"", "42", "{\"v\":1", "{\"v\":1} trailing", "null"})
    void notAnObjectIsMalformed(String text) {
        assertEquals(ProtocolException.MALFORMED, code(text));
    }

    @Test
    void nullOrEmptyBytesAreMalformed() {
        assertEquals("MALFORMED", assertThrows(ProtocolException.class, () -> ProtocolCodec.decode((byte[]) null)).code());
        assertEquals("MALFORMED", assertThrows(ProtocolException.class, () -> ProtocolCodec.decode(new byte[0])).code());
        assertEquals("MALFORMED", assertThrows(ProtocolException.class, () -> ProtocolCodec.decode(new byte[] {(byte) 0xff, 0x7b})).code());
    }

    @Test
    void versions() {
        assertEquals(ProtocolException.MISSING_FIELD, code(envelope("", BODY)));
        assertEquals(ProtocolException.MISSING_FIELD, code(envelope("\"v\":null,", BODY)));
        assertEquals(ProtocolException.UNSUPPORTED_VERSION, code(envelope("\"v\":2,", BODY)));
        assertEquals(ProtocolException.UNSUPPORTED_VERSION, code("{\"v\":0}"));
        assertEquals(ProtocolException.UNSUPPORTED_VERSION, code("{\"v\":2,\"whatever\":true}"));
        assertEquals(ProtocolException.MALFORMED, code(envelope("\"v\":\"1\",", BODY)));
        assertEquals(ProtocolException.MALFORMED, code(envelope("\"v\":1.0,", BODY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "type", "deviceId", "siteId", "seq", "sentAt", "body"})
    void missingEnvelopeFields(String field) throws Exception {
        ObjectNode n = (ObjectNode) ProtocolCodec.mapper().readTree(envelope("\"v\":1,", BODY));
        n.remove(field);
        assertEquals(ProtocolException.MISSING_FIELD, code(n.toString()));
        n.putNull(field);
        assertEquals(ProtocolException.MISSING_FIELD, code(n.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"id\":7", "\"type\":[\"charge\"]", "\"deviceId\":1", "\"siteId\":true", "\"seq\":\"3\"", "\"seq\":3.5",
            "\"seq\":-1", "\"seq\":99999999999999999999", "\"sentAt\":1700000000000", "\"sentAt\":\"2026-11-23T09:00:00Z\"",
            "\"sentAt\":\"2026-11-23T09:00:00.120+08:00\"", "\"sentAt\":\"2026-13-23T09:00:00.120Z\"", "\"sentAt\":\"yesterday\"",
            "\"body\":\"{}\"", "\"body\":[1]", "\"sig\":42", "\"extra\":1"})
    void wrongTypesAreMalformed(String replacement) throws Exception {
        String json = patch(envelope("\"v\":1,", BODY), replacement);
        assertEquals(ProtocolException.MALFORMED, code(json), json);
    }

    @Test
    void duplicateKeysAreMalformed() {
        assertEquals(ProtocolException.MALFORMED, code(envelope("\"v\":1,\"seq\":4,", BODY)));
        assertEquals(ProtocolException.MALFORMED,
                code(envelope("\"v\":1,", "{\"amount\":1,\"amount\":2}")));
    }

    @Test
    void integersBeyondLongAreMalformed() throws Exception {
        assertEquals(ProtocolException.MALFORMED, code(envelope("\"v\":1,", patch(BODY, "\"amount\":99999999999999999999"))));
    }

    @Test
    void nullSigIsNoSig() throws Exception {
        assertNull(ProtocolCodec.decode(utf8(envelope("\"v\":1,\"sig\":null,", BODY))).sig());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chargeId", "plate", "amount", "currency", "capturedAt"})
    void missingBodyFields(String field) throws Exception {
        ObjectNode b = (ObjectNode) ProtocolCodec.mapper().readTree(BODY);
        b.remove(field);
        assertEquals(ProtocolException.MISSING_FIELD, bodyCode(b.toString()));
        b.putNull(field);
        assertEquals(ProtocolException.MISSING_FIELD, bodyCode(b.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"amount\":\"128.50\"", "\"amount\":128.5", "\"amount\":12850.0", "\"amount\":true",
            "\"plate\":12345", "\"plateColour\":1", "\"volumeMilli\":\"25300\"",
            "\"capturedAt\":\"yesterday\"", "\"capturedAt\":1700000000", "\"pump\":3", "\"surprise\":1",
            "\"attendant\":{\"id\":1}"})
    void wrongBodyTypesAreMalformed(String replacement) throws Exception {
        String json = patch(BODY, replacement);
        assertEquals(ProtocolException.MALFORMED, bodyCode(json), json);
    }

    @Test
    void resultBodyErrors() throws Exception {
        Envelope noStatus = ProtocolCodec.envelope("charge.result", "d", "s", 1,
                ProtocolCodec.mapper().readTree("{\"chargeId\":\"" + CHARGE_ID + "\",\"reasonCode\":\"APPROVED\",\"amount\":1}"));
        assertEquals("MISSING_FIELD", assertThrows(ProtocolException.class, () -> ProtocolCodec.body(noStatus, ChargeResult.class)).code());
        Envelope badStatus = ProtocolCodec.envelope("charge.result", "d", "s", 1,
                ProtocolCodec.mapper().readTree("{\"status\":\"PAID\",\"reasonCode\":\"APPROVED\",\"amount\":1}"));
        assertEquals("MALFORMED", assertThrows(ProtocolException.class, () -> ProtocolCodec.body(badStatus, ChargeResult.class)).code());
        Envelope numericStatus = ProtocolCodec.envelope("charge.result", "d", "s", 1,
                ProtocolCodec.mapper().readTree("{\"status\":0,\"reasonCode\":\"APPROVED\",\"amount\":1}"));
        assertEquals("MALFORMED", assertThrows(ProtocolException.class, () -> ProtocolCodec.body(numericStatus, ChargeResult.class)).code());
    }

    @Test
    void rfc3339OffsetsAreAcceptedInBodies() throws Exception {
        ObjectNode b = (ObjectNode) ProtocolCodec.mapper().readTree(BODY);
        b.put("capturedAt", "2026-11-23T17:00:00+08:00");
        b.put("plate", "");
        Envelope e = ProtocolCodec.decode(utf8(envelope("\"v\":1,", b.toString())));
        ChargeRequest r = ProtocolCodec.body(e, ChargeRequest.class);
        assertEquals(Instant.parse("2026-11-23T09:00:00Z"), r.capturedAt());
        assertEquals("", r.plate());
    }

    @Test
    void treeLeavesNullsOutAndKeepsIntegersExact() {
        JsonNode t = ProtocolCodec.tree(new ChargeRequest(CHARGE_ID, "p", null, 9007199254740991L, "CNY", null, null, null,
                null, Instant.parse("2026-11-23T09:00:00.5Z"), null));
        assertFalse(t.has("plateColour"));
        assertEquals(9007199254740991L, t.get("amount").longValue());
        assertEquals("2026-11-23T09:00:00.500Z", t.get("capturedAt").textValue());
    }
}
