package com.platepay.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * What one field of a valid charge can be turned into: dropped, null, the wrong type, a boundary number, too long,
 * or a unicode trick; plus values meant for one field (other spellings of ids, times, plates, enums).
 */
final class ValueMutations {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The value that means "remove the field". */
    static final JsonNode DROP = F.missingNode();

    record ValueMutation(String label, UnaryOperator<JsonNode> apply) {
    }

    private static final List<ValueMutation> GENERIC = new ArrayList<>();
    private static final List<ValueMutation> RARE = new ArrayList<>();
    private static final Map<String, List<ValueMutation>> SPECIFIC = Map.ofEntries(
            Map.entry("v", List.of(num("2"), num("0"), str("1"), num("1.0"), num("1e0"))),
            Map.entry("id", ids()),
            Map.entry("chargeId", ids()),
            Map.entry("type", List.of(str("charge.result"), str("status"), str("Charge"), str("charge "), str("plate-read"),
                    str("cylinder-check"))),
            Map.entry("deviceId", List.of(str("other-device"), str("+"), str("#"), str("a/b"))),
            Map.entry("siteId", List.of(str("other-site"), str("+"), str("$SYS"))),
            Map.entry("sentAt", List.of(str("2026-11-23T08:59:59Z"), str("2026-11-23T08:59:59.000000Z"),
                    str("2026-11-23T16:59:59.000+08:00"), str("2026-11-23t08:59:59.000z"), str("2026-11-23 08:59:59.000Z"))),
            Map.entry("capturedAt", List.of(str("2026-11-23T08:59:58Z"), str("2026-11-23T16:59:58+08:00"),
                    str("2026-11-23T08:59:58.123456789Z"), str("2026-11-23t08:59:58z"), str("2026-12-31T23:59:60Z"),
                    str("2026-13-01T00:00:00Z"), str("2026-02-30T00:00:00Z"), str("2026-11-23T08:59:58"),
                    str("2026-11-23"), str("1700000000"))),
            Map.entry("plate", List.of(str("黑E 12345"), str("黑e12345"), str("黑E-12345"), str("黑E·12345"), str("黑E.12345"),
                    str("NOT-A-PLATE"), str("黑E1234"), str("黑E123456"), str("黑EI2345"), str("京A12345"), str("黑E12345挂"),
                    str("黑ＥＡ１２３４５"), str("黑EA1234D"))),
            Map.entry("plateColour", List.of(str("BLUE"), str("YELLOW"), str("GREEN"), str("WHITE"), str("BLACK"), str("blue"),
                    str("Blue"), str("RED"), str("BLUE "))),
            Map.entry("currency", List.of(str("USD"), str("cny"), str("CN"), str("CNYY"), str("ＣＮＹ"), str("EUR"))),
            Map.entry("volumeUnit", List.of(str("L"), str("M3"), str("m3"), str("l"), str("KG"), str("M³"))),
            Map.entry("pump", List.of(str("0"), str("P" + "9".repeat(31)))),
            Map.entry("attendant", List.of(str("att-" + "x".repeat(60)))));

    static {
        GENERIC.add(new ValueMutation("drop", v -> DROP));
        GENERIC.add(new ValueMutation("null", v -> F.nullNode()));
        GENERIC.add(new ValueMutation("true", v -> F.booleanNode(true)));
        GENERIC.add(str(""));
        GENERIC.add(new ValueMutation("as-string", v -> F.textNode(v.isTextual() ? v.textValue() : v.toString())));
        GENERIC.add(new ValueMutation("as-array", v -> F.arrayNode().add(v.deepCopy())));
        GENERIC.add(new ValueMutation("empty-object", v -> F.objectNode()));
        for (String n : List.of("0", "1", "2", "-1", "9007199254740991", "9007199254740992", "9223372036854775807",
                "9223372036854775808", "123456789012345678901234567890", "1.0", "1.5", "1e2", "1E2", "1e+2", "12850.0",
                "1e400", "-0", "0.1", "1e-7", "-9007199254740991")) {
            GENERIC.add(num(n));
        }
        GENERIC.add(new ValueMutation("too-long-33", v -> F.textNode(text(v) + "A".repeat(Math.max(1, 33 - text(v).length())))));
        GENERIC.add(new ValueMutation("too-long-65", v -> F.textNode(text(v) + "A".repeat(Math.max(1, 65 - text(v).length())))));
        GENERIC.add(new ValueMutation("too-long-300", v -> F.textNode(text(v) + "A".repeat(300))));
        GENERIC.add(new ValueMutation("bom-prefix", v -> F.textNode("\uFEFF" + text(v))));
        GENERIC.add(new ValueMutation("bom-suffix", v -> F.textNode(text(v) + "\uFEFF")));
        GENERIC.add(new ValueMutation("nbsp-inside", v -> F.textNode(insert(text(v), "\u00A0"))));
        GENERIC.add(new ValueMutation("zero-width-space", v -> F.textNode(insert(text(v), "\u200B"))));
        GENERIC.add(new ValueMutation("rtl-override", v -> F.textNode("\u202E" + text(v))));
        GENERIC.add(new ValueMutation("full-width", v -> F.textNode(fullWidth(text(v)))));
        GENERIC.add(new ValueMutation("lower-case", v -> F.textNode(text(v).toLowerCase())));
        GENERIC.add(new ValueMutation("upper-case", v -> F.textNode(text(v).toUpperCase())));
        GENERIC.add(new ValueMutation("leading-space", v -> F.textNode(" " + text(v))));
        GENERIC.add(new ValueMutation("trailing-space", v -> F.textNode(text(v) + " ")));
        GENERIC.add(new ValueMutation("trailing-tab-newline", v -> F.textNode(text(v) + "\t\n")));
        GENERIC.add(new ValueMutation("nul-inside", v -> F.textNode(insert(text(v), "\u0000"))));
        GENERIC.add(new ValueMutation("combining-accent", v -> F.textNode(text(v) + "\u0301")));
        GENERIC.add(new ValueMutation("emoji", v -> F.textNode(text(v) + "\uD83D\uDE97")));
        GENERIC.add(new ValueMutation("lone-surrogate", v -> raw("\"" + escaped(text(v)) + "\\ud800\"")));
        GENERIC.add(new ValueMutation("escaped-same-text", v -> v.isTextual() ? raw("\"" + unicodeEscaped(v.textValue()) + "\"") : v.isNull() ? DROP : v));
        RARE.add(new ValueMutation("trailing-1MB-spaces", v -> F.textNode(text(v) + " ".repeat(1 << 20))));
        RARE.add(new ValueMutation("string-2MB", v -> F.textNode("A".repeat(2 << 20))));
    }

    private ValueMutations() {
    }

    /** A mutation for this field: one made for it half the time (when there are any), else a generic one; rarely a huge one. */
    static ValueMutation pick(String field, Random random) {
        if (random.nextInt(150) == 0) {
            return RARE.get(random.nextInt(RARE.size()));
        }
        List<ValueMutation> specific = SPECIFIC.getOrDefault(field, List.of());
        if (!specific.isEmpty() && random.nextBoolean()) {
            return specific.get(random.nextInt(specific.size()));
        }
        return GENERIC.get(random.nextInt(GENERIC.size()));
    }

    /** Every mutation there is for this field: the generic ones, the huge ones and those made for it. */
    static List<ValueMutation> all(String field) {
        List<ValueMutation> out = new ArrayList<>(GENERIC);
        out.addAll(RARE);
        out.addAll(SPECIFIC.getOrDefault(field, List.of()));
        return out;
    }

    /** Applies a mutation to {@code parent.field}; a missing field is mutated from null. */
    static void apply(ObjectNode parent, String field, ValueMutation m) {
        JsonNode current = parent.has(field) ? parent.get(field) : F.nullNode();
        JsonNode next = m.apply().apply(current);
        if (next.isMissingNode()) {
            parent.remove(field);
        } else {
            parent.set(field, next);
        }
    }

    private static List<ValueMutation> ids() {
        return List.of(new ValueMutation("upper-case-uuid", v -> F.textNode(text(v).toUpperCase())),
                new ValueMutation("uuid-without-dashes", v -> F.textNode(text(v).replace("-", ""))),
                new ValueMutation("uuid-in-braces", v -> F.textNode("{" + text(v) + "}")),
                new ValueMutation("uuid-35", v -> F.textNode(text(v).substring(0, Math.max(0, text(v).length() - 1)))),
                str("01ARZ3NDEKTSV4RRFFQ69G5FAV"), str("01arz3ndektsv4rrffq69g5fav"), str("81ARZ3NDEKTSV4RRFFQ69G5FAV"),
                str("01ARZ3NDEKTSV4RRFFQ69G5FAI"), str("charge-1"), str("00000000-0000-0000-0000-000000000000"),
                str("ffffffff-ffff-ffff-ffff-ffffffffffff"));
    }

    private static ValueMutation str(String s) {
        return new ValueMutation("\"" + s + "\"", v -> F.textNode(s));
    }

    private static ValueMutation num(String token) {
        return new ValueMutation(token, v -> raw(token));
    }

    private static JsonNode raw(String json) {
        return F.rawValueNode(new RawValue(json));
    }

    private static String text(JsonNode v) {
        return v.isTextual() ? v.textValue() : v.isNull() || v.isMissingNode() ? "" : v.toString();
    }

    private static String insert(String s, String what) {
        int at = s.length() / 2;
        return s.substring(0, at) + what + s.substring(at);
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(c > 0x20 && c < 0x7f ? (char) (c - 0x21 + 0xFF01) : (char) c));
        return b.toString();
    }

    private static String escaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String unicodeEscaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(String.format("\\u%04x", c)));
        return b.toString();
    }
}
