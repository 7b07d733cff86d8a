package com.platepay.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    private static JsonNode json(String s) throws Exception {
        return ProtocolCodec.mapper().readTree(s);
    }

    @Test
    void sortsKeysRecursivelyAndDropsWhitespace() throws Exception {
        assertEquals("{\"a\":[3,{\"x\":1,\"y\":2}],\"b\":true,\"c\":null,\"d\":\"s\"}",
                CanonicalJson.string(json("{ \"d\" : \"s\", \"c\": null, \"b\": true, \"a\": [3, {\"y\": 2, \"x\": 1}] }")));
    }

    @Test
    void sortsByUtf16CodeUnitsNotCodePoints() throws Exception {
        // U+FF61 is one UTF-16 unit 0xFF61; U+1F600 is the surrogate pair D83D DE00, which sorts before it (RFC 8785 3.2.3).
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("\uFF61", 1);
        n.put("\uD83D\uDE00", 2);
        n.put("Z", 3);
        n.put("a", 4);
        n.put("\u00e9", 5);
        assertEquals("{\"Z\":3,\"a\":4,\"\u00e9\":5,\"\uD83D\uDE00\":2,\"\uFF61\":1}", CanonicalJson.string(n));
    }

    @Test
    void escapesLikeRfc8785() throws Exception {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("s", "q\"b\\/\b\f\n\r\t\u0000\u001f\u007f\u2028é黑");
        String expected = "{\"s\":\"q\\\"b\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028é黑\"}";
        assertEquals(expected, CanonicalJson.string(n));
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), CanonicalJson.bytes(n));
    }

    @Test
    void writesIntegersAsDigits() throws Exception {
        assertEquals("[0,-1,12850,9007199254740991,-9007199254740991]",
                CanonicalJson.string(json("[0, -1, 12850, 9007199254740991, -9007199254740991]")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"amount\":128.5}", "[1.0]", "[1e3]", "[9007199254740992]", "[-9007199254740992]"})
    void refusesFloatsAndUnsafeIntegers(String text) throws Exception {
        JsonNode n = json(text);
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.bytes(n));
    }

    @Test
    void refusesLoneSurrogates() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("s", "a\uD800b");
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.bytes(n));
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("\uDC00", 1);
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.bytes(m));
    }

    @Test
    void sameBytesWhateverTheInputOrder() throws Exception {
        assertArrayEquals(CanonicalJson.bytes(json("{\"b\":{\"d\":1,\"c\":2},\"a\":\"x\"}")),
                CanonicalJson.bytes(json("{\"a\":\"x\",\"b\":{\"c\":2,\"d\":1}}")));
    }
}
