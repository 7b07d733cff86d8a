package com.platepay.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.contracts.ContractSchemas;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.ProtocolCodec;
import java.security.PublicKey;
import java.util.List;

/** A result the server published, read and checked: its signature (server key) and its schema. */
public record Answer(String status, String reasonCode, String chargeId, long amount, boolean signedByServer,
                     List<String> schemaErrors) {

    private static final com.networknt.schema.JsonSchema RESULT_SCHEMA = ContractSchemas.schema("envelope.schema.json");

    public static Answer read(byte[] payload, PublicKey serverKey) {
        try {
            Envelope e = ProtocolCodec.decode(payload);
            JsonNode body = e.body();
            List<String> schema = RESULT_SCHEMA.validate(ProtocolCodec.mapper().readTree(payload)).stream()
                    .map(Object::toString).toList();
            return new Answer(body.path("status").asText(null), body.path("reasonCode").asText(null),
                    body.path("chargeId").isTextual() ? body.path("chargeId").textValue() : null, body.path("amount").asLong(),
                    EnvelopeVerifier.verify(e, serverKey), schema);
        } catch (Exception e) {
            return new Answer(null, null, null, 0, false, List.of("undecodable result: " + e.getMessage()));
        }
    }

    /** "REJECTED/MALFORMED" */
    public String code() {
        return status + "/" + reasonCode;
    }
}
