package com.platepay.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The bytes that get signed: JSON in the RFC 8785 (JCS) form, restricted to what the protocol carries.
 *
 * <ul>
 *   <li>object members sorted by key, comparing UTF-16 code units (as RFC 8785 and {@link String#compareTo});</li>
 *   <li>no whitespace; UTF-8;</li>
 *   <li>strings escaped as RFC 8785: quote and backslash with a backslash, the short forms b f n r t, other
 *       controls as backslash-u00 plus two lower-case hex digits; everything else, including the slash and
 *       non-ASCII, written as is;</li>
 *   <li>numbers must be integers with magnitude at most 2^53-1 (I-JSON), written as plain decimal digits;
 *       floating-point numbers are refused, so no language has to agree on how to print them;</li>
 *   <li>strings with unpaired surrogates are refused (I-JSON).</li>
 * </ul>
 */
public final class CanonicalJson {
    /** 2^53 - 1, the largest integer every JSON implementation reads exactly. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** Canonical UTF-8 bytes of {@code node}; IllegalArgumentException for floats, unsafe integers, lone surrogates. */
    public static byte[] bytes(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("no JSON value");
        }
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Same as {@link #bytes} as a Java string. */
    public static String string(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>(node.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    keys.add(it.next().getKey());
                }
                keys.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(keys.get(i), out);
                    out.append(':');
                    write(node.get(keys.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException(
                            "floating-point number " + node + " in a signed message: the protocol carries only integers");
                }
                BigInteger value = node.bigIntegerValue();
                if (value.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
                    throw new IllegalArgumentException("integer " + value + " is beyond 2^53-1");
                }
                out.append(value.toString());
            }
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("unpaired surrogate in a string");
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("unpaired surrogate in a string");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
