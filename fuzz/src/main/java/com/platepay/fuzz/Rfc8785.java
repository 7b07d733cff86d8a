package com.platepay.fuzz;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 canonical bytes of any JSON text, numbers included, as a device in another language would sign it: an
 * integral number is written as its integer digits (1.0 and 1e2 become 1 and 100), others as ECMAScript prints doubles.
 * The protocol library's own CanonicalJson refuses every non-integer, so the fuzzer needs this to sign what a real
 * RFC 8785 signer would. Unpaired surrogates cannot be signed ({@link IllegalArgumentException}).
 */
final class Rfc8785 {
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Rfc8785() {
    }

    static byte[] canonical(byte[] json) {
        try {
            StringBuilder out = new StringBuilder(json.length);
            write(EXACT.readTree(json), out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                keys.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    out.append(i > 0 ? "," : "");
                    string(keys.get(i), out);
                    out.append(':');
                    write(node.get(keys.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i > 0 ? "," : "");
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node.decimalValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not JSON: " + node.getNodeType());
        }
    }

    static String number(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 21) {
            return stripped.toBigIntegerExact().toString();
        }
        double d = value.doubleValue();
        if (Double.isInfinite(d)) {
            throw new IllegalArgumentException("a number beyond double range has no RFC 8785 form");
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return new BigDecimal(d).toBigInteger().toString();
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        if (e < 0) {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        String mantissa = new BigDecimal(s.substring(0, e)).stripTrailingZeros().toPlainString();
        int exponent = Integer.parseInt(s.substring(e + 1));
        if (exponent >= -6 && exponent < 21) {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        return mantissa + "e" + (exponent > 0 ? "+" : "") + exponent;
    }

    private static void string(String s, StringBuilder out) {
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
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("unpaired surrogate");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
