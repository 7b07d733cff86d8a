package com.platepay.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Request bodies for an OpenAPI operation: mostly a value shaped by its schema with one field mutated, else JSON of
 * the wrong shape, bytes that are not JSON, or nothing at all.
 */
final class RestBodies {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> JUNK_TEXT = List.of("", " ", "null", "{", "[]", "{\"a\":", "\uFEFF{}", "{}{}",
            "{\"a\":1,\"a\":2}", "<xml/>", "' OR 1=1 --", "黑E12345", "\u0000", "{\"n\":1e400}", "{\"n\":-0}", "[" .repeat(5000));
    private final JsonNode components;
    private final Random random;

    RestBodies(JsonNode openApi, Random random) {
        this.components = openApi.path("components").path("schemas");
        this.random = random;
    }

    /** A body for this schema (MissingNode schema: the operation takes none). */
    byte[] body(JsonNode schema) {
        int roll = random.nextInt(10);
        if (roll < 6 && !schema.isMissingNode()) {
            JsonNode value = value(schema, 0);
            if (value instanceof ObjectNode o && o.size() > 0 && random.nextInt(4) > 0) {
                mutateOne(o);
            }
            return Payloads.bytes(value);
        }
        if (roll < 8) {
            return Payloads.bytes(junkValue(0));
        }
        if (roll == 8 && random.nextInt(10) == 0) {
            return ("{\"x\":\"" + "A".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        return JUNK_TEXT.get(random.nextInt(JUNK_TEXT.size())).getBytes(StandardCharsets.UTF_8);
    }

    /** A path parameter: usually an id that exists nowhere, sometimes junk. */
    String pathParameter() {
        return switch (random.nextInt(10)) {
            case 0 -> "0";
            case 1 -> "-1";
            case 2 -> "%00";
            case 3 -> "x".repeat(300);
            case 4 -> "%E9%BB%91E12345";
            case 5 -> "..%2F..%2Fq%2Fhealth";
            case 6 -> new UUID(random.nextLong(), random.nextLong()).toString().toUpperCase();
            default -> new UUID(random.nextLong(), random.nextLong()).toString();
        };
    }

    /** A query parameter value. */
    String queryValue() {
        return List.of("", "0", "-1", "APPROVED", "approved", "2026-11-23T08:59:59Z", "9999999999999999999999", "%FF", "%00",
                "%E9%BB%91E12345", new UUID(random.nextLong(), random.nextLong()).toString(), "x".repeat(2000))
                .get(random.nextInt(12));
    }

    private JsonNode value(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return depth > 6 ? F.nullNode() : value(components.path(ref.substring(ref.lastIndexOf('/') + 1)), depth + 1);
        }
        if (schema.has("enum")) {
            JsonNode e = schema.get("enum");
            return e.get(random.nextInt(e.size())).deepCopy();
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (random.nextInt(5) > 0) {
                        o.set(name, value(schema.path("properties").get(name), depth + 1));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    a.add(value(schema.path("items"), depth + 1));
                }
                return a;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(100_000);
                return F.numberNode(min + (long) (random.nextDouble() * Math.max(1, Math.min(max - min, 1_000_000))));
            }
            case "number" -> {
                return F.numberNode(random.nextInt(10_000));
            }
            case "boolean" -> {
                return F.booleanNode(random.nextBoolean());
            }
            default -> {
                String format = schema.path("format").asText("");
                if (format.equals("uuid")) {
                    return F.textNode(new UUID(random.nextLong(), random.nextLong()).toString());
                }
                if (format.contains("date")) {
                    return F.textNode("2026-11-23T08:59:59Z");
                }
                return F.textNode(List.of("fuzz", "黑E12345", "BLUE", "GAS", "6222020000012345674", "a@b.example")
                        .get(random.nextInt(6)));
            }
        }
    }

    private void mutateOne(ObjectNode o) {
        List<String> names = iterate(o.fieldNames());
        String name = names.get(random.nextInt(names.size()));
        o.set(name, junkValue(0));
    }

    private JsonNode junkValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 9 : 11)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.numberNode(new long[] {0, -1, 1, 9007199254740991L, Long.MAX_VALUE, Long.MIN_VALUE}[random.nextInt(6)]);
            case 3 -> F.numberNode(new double[] {1.5, 1e300, -0.0, 1e-300}[random.nextInt(4)]);
            case 4 -> F.textNode("");
            case 5 -> F.textNode("x".repeat(10_000));
            case 6 -> F.textNode("\uFEFF\u00A0\u202E\uD83D\uDE97ＡＢＣ");
            case 7 -> F.textNode("<script>alert(1)</script>");
            case 8 -> F.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 9 -> F.arrayNode().add(junkValue(depth + 1)).add(junkValue(depth + 1));
            default -> F.objectNode().set("k", junkValue(depth + 1));
        };
    }

    private static List<String> iterate(Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
