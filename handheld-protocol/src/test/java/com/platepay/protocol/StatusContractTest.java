package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.contracts.ContractSchemas;
import com.platepay.protocol.status.DeviceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status example (a last will) validates, decodes and verifies with its published key; bad states are refused. */
class StatusContractTest {

    @Test
    void theLastWillExampleValidatesDecodesAndVerifies() throws Exception {
        assertEquals(List.of(), ContractSchemas.validateEnvelope(ContractTest.json("examples/status-offline-will.json")));
        Envelope e = ProtocolCodec.decode(ContractTest.resource("examples/status-offline-will.json"));
        assertEquals(MessageTypes.STATUS, e.type());
        assertEquals(DeviceStatus.State.OFFLINE, ProtocolCodec.body(e, DeviceStatus.class).state());
        assertTrue(EnvelopeVerifier.verify(e, ContractTest.publishedKey("presenceDevice")));
        assertFalse(EnvelopeVerifier.verify(e, ContractTest.publishedKey("device")), "another device's key");
    }

    @Test
    void aStateOtherThanOnlineOrOfflineIsRefusedByTheSchema() throws Exception {
        ObjectNode status = (ObjectNode) ContractTest.json("examples/status-offline-will.json");
        ((ObjectNode) status.get("body")).put("state", "AWAY");
        assertFalse(ContractSchemas.validateEnvelope(status).isEmpty());
        ((ObjectNode) status.get("body")).remove("state");
        assertFalse(ContractSchemas.validateEnvelope(status).isEmpty());
    }
}
