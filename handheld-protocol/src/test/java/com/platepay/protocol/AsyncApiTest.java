package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.platepay.protocol.charge.ReasonCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** contracts/asyncapi.yaml says what this library does. */
class AsyncApiTest {
    static JsonNode doc;

    @BeforeAll
    static void load() throws Exception {
        doc = new YAMLMapper().readTree(ContractTest.resource("asyncapi.yaml"));
    }

    @Test
    void isAsyncApi3OverMqtt5() {
        assertTrue(doc.get("asyncapi").asText().startsWith("3."));
        JsonNode server = doc.get("servers").elements().next();
        assertEquals("secure-mqtt", server.get("protocol").asText(), "devices' default is MQTT over TLS");
        assertTrue(server.get("host").asText().endsWith(":8883"));
        assertEquals("5", server.get("protocolVersion").asText());
    }

    @Test
    void channelsAreTheLibrarysTopics() {
        Set<String> addresses = new TreeSet<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        Set<String> expected = new TreeSet<>();
        for (String channel : Topics.CHANNELS) {
            expected.add(Topics.ROOT + "/{siteId}/devices/{deviceId}/" + channel);
        }
        assertEquals(expected, addresses);
        assertEquals(doc.get("channels").get("charge").get("description").asText().contains(Topics.sharedFilter(Topics.CHARGE)), true);
    }

    @Test
    void embeddedExamplesAreTheExampleFiles() throws Exception {
        JsonNode messages = doc.get("components").get("messages");
        assertSameJson("examples/charge.json", messages.get("charge").get("examples").get(0).get("payload"));
        assertSameJson("examples/charge-result-approved.json", messages.get("chargeResult").get("examples").get(0).get("payload"));
        assertSameJson("examples/charge-result-declined.json", messages.get("chargeResult").get("examples").get(1).get("payload"));
        assertSameJson("examples/plate-read.json", messages.get("plateRead").get("examples").get(0).get("payload"));
        assertSameJson("examples/command-open-barrier.json", messages.get("command").get("examples").get(0).get("payload"));
        assertSameJson("examples/allow-list.json", messages.get("allowList").get("examples").get(0).get("payload"));
        assertSameJson("examples/cylinder-check.json", messages.get("cylinderCheck").get("examples").get(0).get("payload"));
        assertSameJson("examples/cylinder-check-result-fill.json", messages.get("cylinderCheckResult").get("examples").get(0).get("payload"));
        assertSameJson("examples/cylinder-check-result-overdue.json", messages.get("cylinderCheckResult").get("examples").get(1).get("payload"));
        assertSameJson("examples/handheld-allow-list.json", messages.get("handheldAllowList").get("examples").get(0).get("payload"));
        assertSameJson("examples/voucher.json", messages.get("voucher").get("examples").get(0).get("payload"));
        assertSameJson("examples/voucher-result-paid.json", messages.get("voucherResult").get("examples").get(0).get("payload"));
        assertSameJson("examples/voucher-result-arrears.json", messages.get("voucherResult").get("examples").get(1).get("payload"));
    }

    private static void assertSameJson(String file, JsonNode embedded) throws Exception {
        assertEquals(CanonicalJson.string(ContractTest.json(file)), CanonicalJson.string(embedded), file);
    }

    @Test
    void reasonCodesAreTheLibrarys() {
        List<String> codes = new ArrayList<>();
        String description = doc.get("info").get("description").asText();
        for (JsonNode c : doc.get("x-platepay-reason-codes")) {
            codes.add(c.get("code").asText());
            assertTrue(Set.of("APPROVED", "DECLINED", "REJECTED").contains(c.get("status").asText()));
            assertTrue(description.contains("| `" + c.get("code").asText() + "` | " + c.get("status").asText() + " |"), c.toString());
        }
        assertEquals(ReasonCodes.ALL, codes);
    }

    @Test
    void publishedKeysAreTheExamplesKeys() throws Exception {
        String description = doc.get("info").get("description").asText();
        JsonNode keys = ContractTest.json("examples/keys.json");
        assertTrue(description.contains(keys.get("device").get("publicKey").asText()));
        assertTrue(description.contains(keys.get("server").get("publicKey").asText()));
    }

    @Test
    void everyReferencedSchemaFileIsInTheJar() throws Exception {
        Matcher m = Pattern.compile("\\./(schemas/[a-z-]+\\.schema\\.json)").matcher(new String(ContractTest.resource("asyncapi.yaml")));
        int n = 0;
        while (m.find()) {
            assertNotNull(ContractTest.resource(m.group(1)));
            n++;
        }
        assertTrue(n >= 3);
    }
}
