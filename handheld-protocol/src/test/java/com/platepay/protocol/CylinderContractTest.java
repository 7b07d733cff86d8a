package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.contracts.ContractSchemas;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.cylinder.CylinderCheckResult;
import com.platepay.protocol.cylinder.FillCodes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cylinder-check messages: the examples validate and verify, the fill codes are the library's, bad bodies are refused. */
class CylinderContractTest {

    @ParameterizedTest
    @CsvSource({"cylinder-check.json,cylinderHandheld,cylinder-check", "cylinder-check-result-fill.json,cylinderServer,cylinder-check.result",
            "cylinder-check-result-overdue.json,cylinderServer,cylinder-check.result"})
    void examplesValidateDecodeAndVerify(String file, String signer, String type) throws Exception {
        assertEquals(List.of(), ContractSchemas.validateEnvelope(ContractTest.json("examples/" + file)), file);
        Envelope e = ProtocolCodec.decode(ContractTest.resource("examples/" + file));
        assertEquals(type, e.type());
        Class<?> bodyType = type.endsWith(".result") ? CylinderCheckResult.class : CylinderCheckRequest.class;
        ProtocolCodec.body(e, bodyType);
        assertTrue(EnvelopeVerifier.verify(e, ContractTest.publishedKey(signer)), file + " verifies with " + signer);
        assertFalse(EnvelopeVerifier.verify(e, ContractTest.publishedKey(signer.equals("cylinderServer") ? "cylinderHandheld" : "cylinderServer")));
    }

    @Test
    void theFillCodesInTheSchemaAreTheLibrarys() throws Exception {
        List<String> inSchema = new ArrayList<>();
        ContractTest.json("schemas/cylinder-check-result.schema.json").get("properties").get("fillCode").get("enum")
                .forEach(n -> inSchema.add(n.asText()));
        assertEquals(FillCodes.ALL, inSchema);
    }

    @Test
    void aCheckNeedsATagOrAPlateAndARefusedFillCannotSayAllowed() throws Exception {
        ObjectNode check = (ObjectNode) ContractTest.json("examples/cylinder-check.json");
        ((ObjectNode) check.get("body")).remove(List.of("tagId", "plate", "plateColour"));
        assertFalse(ContractSchemas.validateEnvelope(check).isEmpty(), "neither tag nor plate");
        check = (ObjectNode) ContractTest.json("examples/cylinder-check.json");
        ((ObjectNode) check.get("body")).put("medium", "PETROL");
        assertFalse(ContractSchemas.validateEnvelope(check).isEmpty());
        JsonNode refused = ContractTest.json("examples/cylinder-check-result-overdue.json");
        ((ObjectNode) refused.get("body")).put("fillCode", FillCodes.FILL_ALLOWED);
        assertFalse(ContractSchemas.validateEnvelope(refused).isEmpty(), "REFUSED with FILL_ALLOWED");
        ObjectNode allowed = (ObjectNode) ContractTest.json("examples/cylinder-check-result-fill.json");
        ((ObjectNode) allowed.get("body")).remove("remaining");
        assertFalse(ContractSchemas.validateEnvelope(allowed).isEmpty(), "payment ALLOWED says how much is left");
    }
}
