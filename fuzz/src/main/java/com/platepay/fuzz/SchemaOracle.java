package com.platepay.fuzz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.platepay.contracts.ContractSchemas;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * What the contract says about a payload: is it a valid {@code charge} message? Valid means one JSON text in strict
 * UTF-8 (no byte order mark, no duplicate keys, nothing after the value, RFC 8259 syntax only) that
 * envelope.schema.json (which applies charge.schema.json to the body) accepts, with format assertions on, and whose
 * type is {@code charge}.
 */
public final class SchemaOracle {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private final JsonSchema envelope = ContractSchemas.schema("envelope.schema.json");

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2000)
                .maxStringLength(64 << 20).build());
    }

    /** The verdict, with the schema's complaints (or why the bytes are not JSON) when it refuses. */
    public record Verdict(boolean validCharge, List<String> reasons) {
    }

    /** The contract's size limit (asyncapi.yaml, "Check order"): a larger message is refused unread. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024;

    public Verdict judge(byte[] payload) {
        if (payload.length > MAX_MESSAGE_BYTES) {
            return new Verdict(false, List.of("over the contract's limit of " + MAX_MESSAGE_BYTES + " bytes"));
        }
        Optional<String> notJson = notStrictJson(payload);
        if (notJson.isPresent()) {
            return new Verdict(false, List.of(notJson.get()));
        }
        JsonNode node;
        try (JsonParser p = STRICT.createParser(payload)) {
            node = STRICT.readTree(p);
        } catch (IOException e) {
            return new Verdict(false, List.of("not JSON: " + firstLine(e.getMessage())));
        }
        if (node == null) {
            return new Verdict(false, List.of("no JSON value"));
        }
        if (hasUnpairedSurrogate(node)) {
            return new Verdict(false, List.of("a string holds an unpaired surrogate (not I-JSON)"));
        }
        if (hasNumberBeyondEveryMaximum(node)) {
            // The validator lets an integer such as 1e400 past "maximum"; every integer the schemas allow fits a long.
            return new Verdict(false, List.of("a number beyond every maximum the schemas set"));
        }
        List<String> errors = envelope.validate(node).stream().map(Object::toString).sorted().toList();
        if (!errors.isEmpty()) {
            return new Verdict(false, errors);
        }
        if (!"charge".equals(node.path("type").textValue())) {
            return new Verdict(false, List.of("type is not charge"));
        }
        return new Verdict(true, List.of());
    }

    public boolean acceptsAsCharge(byte[] payload) {
        return judge(payload).validCharge();
    }

    private static Optional<String> notStrictJson(byte[] payload) {
        if (payload.length >= 3 && (payload[0] & 0xff) == 0xEF && (payload[1] & 0xff) == 0xBB && (payload[2] & 0xff) == 0xBF) {
            return Optional.of("starts with a byte order mark");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            return Optional.of("not UTF-8");
        }
        return Optional.empty();
    }

    private static boolean hasUnpairedSurrogate(JsonNode node) {
        if (node.isTextual()) {
            String t = node.textValue();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (hasUnpairedSurrogate(com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()))
                    || hasUnpairedSurrogate(entry.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasUnpairedSurrogate(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasNumberBeyondEveryMaximum(JsonNode node) {
        if (node.isNumber()) {
            java.math.BigDecimal n = node.decimalValue();
            return n.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0;
        }
        for (JsonNode child : node) {
            if (hasNumberBeyondEveryMaximum(child)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.split("\n")[0];
    }
}
