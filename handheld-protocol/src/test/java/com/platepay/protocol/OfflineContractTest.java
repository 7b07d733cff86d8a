package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.contracts.ContractSchemas;
import com.platepay.protocol.offline.HandheldAllowList;
import com.platepay.protocol.offline.Voucher;
import com.platepay.protocol.offline.VoucherResult;
import com.platepay.protocol.offline.Vouchers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The offline handheld's messages: the examples validate, decode and verify; the voucher's own signature holds. */
class OfflineContractTest {

    @ParameterizedTest
    @CsvSource({"handheld-allow-list.json,offlineServer,handheld-allow-list", "voucher.json,offlineHandheld,voucher",
            "voucher-result-paid.json,offlineServer,voucher.result", "voucher-result-arrears.json,offlineServer,voucher.result"})
    void examplesValidateDecodeAndVerify(String file, String signer, String type) throws Exception {
        assertEquals(List.of(), ContractSchemas.validateEnvelope(ContractTest.json("examples/" + file)), file);
        Envelope e = ProtocolCodec.decode(ContractTest.resource("examples/" + file));
        assertEquals(type, e.type());
        Class<?> bodyType = switch (type) {
            case "voucher" -> Voucher.class;
            case "voucher.result" -> VoucherResult.class;
            default -> HandheldAllowList.class;
        };
        ProtocolCodec.body(e, bodyType);
        assertTrue(EnvelopeVerifier.verify(e, ContractTest.publishedKey(signer)), file + " verifies with " + signer);
        assertFalse(EnvelopeVerifier.verify(e, ContractTest.publishedKey(signer.equals("offlineServer") ? "offlineHandheld" : "offlineServer")));
    }

    @Test
    void theExampleVoucherCarriesTheDevicesOwnSignature() throws Exception {
        Voucher v = ProtocolCodec.body(ProtocolCodec.decode(ContractTest.resource("examples/voucher.json")), Voucher.class);
        assertTrue(Vouchers.verify(v, ContractTest.publishedKey("offlineHandheld")));
        Voucher more = new Voucher(v.deviceId(), v.siteId(), v.counter(), v.plate(), v.plateColour(), v.tagId(), v.amount() + 100,
                v.currency(), v.pump(), v.attendant(), v.capturedAt(), v.allowListVersion(), v.sig());
        assertFalse(Vouchers.verify(more, ContractTest.publishedKey("offlineHandheld")), "an amount changed after issue");
    }

    @Test
    void badVouchersAndResultsAreRefusedByTheSchema() throws Exception {
        ObjectNode voucher = (ObjectNode) ContractTest.json("examples/voucher.json");
        ((ObjectNode) voucher.get("body")).put("counter", 0);
        assertFalse(ContractSchemas.validateEnvelope(voucher).isEmpty(), "counters start at 1");
        voucher = (ObjectNode) ContractTest.json("examples/voucher.json");
        ((ObjectNode) voucher.get("body")).remove("sig");
        assertFalse(ContractSchemas.validateEnvelope(voucher).isEmpty(), "a voucher is signed when issued");
        JsonNode paid = ContractTest.json("examples/voucher-result-paid.json");
        ((ObjectNode) paid.get("body")).put("reasonCode", "INSUFFICIENT_FUNDS");
        assertFalse(ContractSchemas.validateEnvelope(paid).isEmpty(), "PAID is APPROVED");
        JsonNode list = ContractTest.json("examples/handheld-allow-list.json");
        ((ObjectNode) list.get("body").get("vehicles").get(0)).putArray("cylinders");
        assertFalse(ContractSchemas.validateEnvelope(list).isEmpty(), "a listed vehicle has a cylinder");
    }
}
