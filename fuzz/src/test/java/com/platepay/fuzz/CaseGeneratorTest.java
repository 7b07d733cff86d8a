package com.platepay.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.ProtocolCodec;
import java.io.InputStream;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CaseGeneratorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final KeyPair keys = DeviceKeys.generate();
    private final DeviceUnderTest device = new DeviceUnderTest("hh-1", "site-1", "pw", keys.getPrivate(), keys.getPublic(), "黑E12345");
    private final SchemaOracle oracle = new SchemaOracle();

    @Test
    void theSameSeedGivesTheSameCases() {
        List<String> a = labels(new CaseGenerator(device, 7, CLOCK), 500);
        assertEquals(a, labels(new CaseGenerator(device, 7, CLOCK), 500));
        assertFalse(a.equals(labels(new CaseGenerator(device, 8, CLOCK), 500)));
    }

    @Test
    void validCasesAreSchemaValidAndVerifyWithTheDevicesKey() throws Exception {
        CaseGenerator g = new CaseGenerator(device, 1, CLOCK);
        for (int i = 0; i < 200; i++) {
            FuzzCase c = g.next(CaseGenerator.Family.VALID);
            assertEquals(List.of(), oracle.judge(c.payload()).reasons(), c.describe());
            assertTrue(EnvelopeVerifier.verify(ProtocolCodec.decode(c.payload()), keys.getPublic()), c.describe());
        }
    }

    @Test
    void everyFamilyAppearsAndTheOracleSplitsThem() {
        CaseGenerator g = new CaseGenerator(device, 3, CLOCK);
        Map<String, int[]> byFamily = new TreeMap<>();
        IntStream.range(0, 1500).mapToObj(i -> g.next()).forEach(c -> byFamily
                .computeIfAbsent(c.family(), k -> new int[2])[oracle.acceptsAsCharge(c.payload()) ? 0 : 1]++);
        assertEquals(List.of("field", "raw", "replay", "signature", "topic", "valid"), List.copyOf(byFamily.keySet()));
        assertEquals(0, byFamily.get("valid")[1], "valid cases are all valid");
        assertTrue(byFamily.get("field")[0] > 0 && byFamily.get("field")[1] > 0, "field mutations are valid and invalid");
        assertTrue(byFamily.get("raw")[1] > byFamily.get("raw")[0], "most raw damage makes a message invalid");
    }

    @Test
    void theSweepMutatesEveryFieldWithEveryMutation() {
        List<String> labels = new CaseGenerator(device, 1, CLOCK).everyFieldMutation().stream().map(FuzzCase::mutation).toList();
        for (String field : List.of("v", "id", "sentAt", "body.plate", "body.amount", "body.plateColour", "body.unknownField")) {
            assertTrue(labels.contains(field + "=drop") && labels.contains(field + "=null") && labels.contains(field + "=1e2"), field);
        }
        assertTrue(labels.contains("body.plate=trailing-1MB-spaces") && labels.contains("body.plate=bom-prefix"));
    }

    @Test
    void schemaRefusesWhatTheContractForbids() {
        assertFalse(oracle.acceptsAsCharge("{\"v\":1,\"v\":1}".getBytes()));
        assertFalse(oracle.acceptsAsCharge(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}));
        assertFalse(oracle.acceptsAsCharge(new byte[] {'{', (byte) 0xFF, '}'}));
    }

    @Test
    void rfc8785MatchesTheContractsSignedBytes() throws Exception {
        byte[] example = resource("contracts/examples/charge.json");
        byte[] signed = resource("contracts/examples/charge.signed-bytes.txt");
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Payloads.readTree(example);
        tree.remove("sig");
        assertArrayEquals(signed, Rfc8785.canonical(Payloads.bytes(tree)));
        assertEquals("100", Rfc8785.number(new java.math.BigDecimal("1e2")));
        assertEquals("1.5", Rfc8785.number(new java.math.BigDecimal("1.5")));
        assertEquals("1e-7", Rfc8785.number(new java.math.BigDecimal("1e-7")));
    }

    private static List<String> labels(CaseGenerator g, int n) {
        return IntStream.range(0, n).mapToObj(i -> g.next()).map(c -> c.family() + " " + c.mutation() + " " + c.payload().length).toList();
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = CaseGeneratorTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
