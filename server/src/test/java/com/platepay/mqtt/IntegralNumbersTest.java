package com.platepay.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.ProtocolCodec;
import org.junit.jupiter.api.Test;

class IntegralNumbersTest {

    @Test
    void integralNumbersInAnyNotationBecomeIntegers() throws Exception {
        assertEquals("{\"a\":100,\"b\":[100,0,-3],\"c\":{\"d\":9007199254740993}}",
                normalised("{\"a\":1e2,\"b\":[100.0,0.0,-3.000],\"c\":{\"d\":9007199254740993.0}}"));
    }

    @Test
    void fractionsAndHugeNumbersStayAsTheyAre() throws Exception {
        assertEquals("{\"a\":1.5,\"b\":1E+400,\"c\":\"1e2\"}", normalised("{\"a\":1.5,\"b\":1e400,\"c\":\"1e2\"}"));
    }

    private static String normalised(String json) throws Exception {
        JsonNode node = ProtocolCodec.mapper().readTree(json);
        IntegralNumbers.normalise(node);
        return node.toString();
    }
}
