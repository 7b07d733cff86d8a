package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.contracts.ContractSchemas;
import com.platepay.protocol.parking.AllowList;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The parking messages: the examples validate and verify, what the codec makes validates, bad values are refused. */
class ParkingContractTest {

    @ParameterizedTest
    @CsvSource({"plate-read.json,lane,plate-read", "command-open-barrier.json,laneServer,command", "allow-list.json,laneServer,allow-list"})
    void examplesValidateDecodeAndVerify(String file, String signer, String type) throws Exception {
        assertEquals(List.of(), ContractSchemas.validateEnvelope(ContractTest.json("examples/" + file)), file);
        Envelope e = ProtocolCodec.decode(ContractTest.resource("examples/" + file));
        assertEquals(type, e.type());
        Class<?> bodyType = switch (type) {
            case "plate-read" -> PlateRead.class;
            case "command" -> LaneCommand.class;
            default -> AllowList.class;
        };
        ProtocolCodec.body(e, bodyType);
        assertTrue(EnvelopeVerifier.verify(e, ContractTest.publishedKey(signer)), file + " verifies with " + signer);
        assertFalse(EnvelopeVerifier.verify(e, ContractTest.publishedKey(signer.equals("lane") ? "laneServer" : "lane")));
    }

    @Test
    void whatTheCodecMakesValidates() {
        KeyPair keys = DeviceKeys.generate();
        EnvelopeSigner signer = new EnvelopeSigner(keys.getPrivate());
        PlateRead read = new PlateRead("entry-1", PlateRead.Direction.ENTRY, "黑E12345", null, 1000, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), "a".repeat(64), true, 3L);
        Envelope e = signer.sign(ProtocolCodec.envelope(MessageTypes.PLATE_READ, "d1", "s1", 1, read));
        assertEquals(List.of(), ContractSchemas.validateEnvelope(ProtocolCodec.mapper().valueToTree(e)));
        LaneCommand display = new LaneCommand(Ids.newUuidV7(), LaneCommand.Action.DISPLAY, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                "Please see the attendant", null, "BAD_SIGNATURE", null, null, null);
        Envelope c = signer.sign(ProtocolCodec.envelope(MessageTypes.COMMAND, "d1", "s1", 2, display));
        assertEquals(List.of(), ContractSchemas.validateEnvelope(ProtocolCodec.mapper().valueToTree(c)));
    }

    @Test
    void theSchemasRefuseFloatsAndStrangers() throws Exception {
        ObjectNode read = (ObjectNode) ContractTest.json("examples/plate-read.json");
        ((ObjectNode) read.get("body")).put("confidence", 0.96);
        assertFalse(ContractSchemas.validateEnvelope(read).isEmpty(), "confidence is per mille, an integer");
        read = (ObjectNode) ContractTest.json("examples/plate-read.json");
        ((ObjectNode) read.get("body")).put("cropSha256", "not-a-hash");
        assertFalse(ContractSchemas.validateEnvelope(read).isEmpty());
        ObjectNode command = (ObjectNode) ContractTest.json("examples/command-open-barrier.json");
        ((ObjectNode) command.get("body")).put("action", "RAISE");
        assertFalse(ContractSchemas.validateEnvelope(command).isEmpty());
    }
}
