package com.platepay.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.charge.ReasonCodes;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which reason code each kind of schema refusal gets (the contract's table and check order). */
class ContractSchemaCheckTest {

    private final ContractSchemaCheck check = new ContractSchemaCheck();

    @Test
    void aValidChargeIsAccepted() {
        assertEquals(Optional.empty(), check.check(charge(e -> { })));
    }

    @Test
    void eachRefusalHasTheTablesCode() {
        assertEquals(ReasonCodes.UNSUPPORTED_VERSION, code(e -> e.put("v", 2)));
        assertEquals(ReasonCodes.MALFORMED, code(e -> e.put("v", "1")));
        assertEquals(ReasonCodes.MALFORMED, code(e -> e.put("extra", 1)));
        assertEquals(ReasonCodes.MALFORMED, code(e -> body(e).put("pump", 3)));
        assertEquals(ReasonCodes.MALFORMED, code(e -> body(e).put("amount", 1.5)));
        assertEquals(ReasonCodes.MISSING_FIELD, code(e -> e.remove("sig")));
        assertEquals(ReasonCodes.MISSING_FIELD, code(e -> body(e).remove("plate")));
        assertEquals(ReasonCodes.MISSING_FIELD, code(e -> body(e).remove("volumeUnit")));
        assertEquals(ReasonCodes.INVALID_AMOUNT, code(e -> body(e).put("amount", 0)));
        assertEquals(ReasonCodes.INVALID_AMOUNT, code(e -> body(e).put("amount", 9_007_199_254_740_992L)));
        assertEquals(ReasonCodes.INVALID_PLATE, code(e -> body(e).put("plate", "京A12345" + " ".repeat(40))));
        assertEquals(ReasonCodes.INVALID_CHARGE_ID, code(e -> body(e).put("chargeId", "charge-1")));
        assertEquals(ReasonCodes.INVALID_FIELD, code(e -> body(e).put("plateColour", "blue")));
        assertEquals(ReasonCodes.INVALID_FIELD, code(e -> body(e).putNull("plateColour")));
        assertEquals(ReasonCodes.INVALID_FIELD, code(e -> e.put("id", "message-1")));
        assertEquals(ReasonCodes.INVALID_FIELD, code(e -> e.put("sentAt", "2026-11-23T09:00:00Z")));
        assertEquals(ReasonCodes.INVALID_FIELD, code(e -> body(e).put("currency", "cny")));
        assertEquals(ReasonCodes.INVALID_FIELD, code(e -> body(e).put("pump", "3\u0000")),
                "the fuzzer's find: PostgreSQL cannot store a NUL, so the schema refuses control characters");
    }

    @Test
    void theVersionComesFirstThenTheShapeThenMissingFields() {
        assertEquals(ReasonCodes.UNSUPPORTED_VERSION, code(e -> {
            e.put("v", 2);
            e.remove("sig");
        }));
        assertEquals(ReasonCodes.MALFORMED, code(e -> {
            e.put("extra", 1);
            e.remove("sig");
        }));
        assertEquals(ReasonCodes.MISSING_FIELD, code(e -> {
            e.remove("sig");
            body(e).put("amount", 0);
        }));
    }

    private String code(Consumer<ObjectNode> change) {
        return check.check(charge(change)).orElseThrow(() -> new AssertionError("the schema accepted it")).code();
    }

    private static ObjectNode body(ObjectNode envelope) {
        return (ObjectNode) envelope.get("body");
    }

    private static ObjectNode charge(Consumer<ObjectNode> change) {
        ObjectNode e = ProtocolCodec.mapper().createObjectNode();
        e.put("v", 1).put("id", "0195c8e2-0000-7000-8000-000000000000").put("type", "charge")
                .put("deviceId", "0195c8e2-0000-7000-8000-0000000000aa").put("siteId", "0195c8e2-0000-7000-8000-0000000000bb")
                .put("seq", 1).put("sentAt", "2026-11-23T09:00:00.120Z").put("sig", "A".repeat(86));
        e.putObject("body").put("chargeId", "0195c8e2-0000-7000-8000-000000000001").put("plate", "黑E12345")
                .put("plateColour", "BLUE").put("amount", 12_850).put("currency", "CNY").put("volumeMilli", 25_300)
                .put("volumeUnit", "M3").put("unitPrice", 420).put("capturedAt", "2026-11-23T09:00:00.120Z");
        change.accept(e);
        return e;
    }
}
