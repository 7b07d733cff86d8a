package com.platepay.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Schema counts 100, 100.0 and 1e2 as the same integer, and RFC 8785 writes all three as {@code 100}; so does
 * the server, before the schema sees the message and before the signature is checked. A number with a fraction
 * stays as it is, and the schema refuses it wherever an integer is due.
 */
final class IntegralNumbers {

    /** More integer digits than a long holds: left alone (and over every maximum the schema sets). */
    private static final int MAX_DIGITS = 19;

    private IntegralNumbers() {
    }

    static void normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode integral = integral(field.getValue());
                if (integral != null) {
                    field.setValue(integral);
                } else {
                    normalise(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode integral = integral(array.get(i));
                if (integral != null) {
                    array.set(i, integral);
                } else {
                    normalise(array.get(i));
                }
            }
        }
    }

    private static JsonNode integral(JsonNode value) {
        if (!value.isFloatingPointNumber()) {
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.signum() == 0) {
            return LongNode.valueOf(0);
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > MAX_DIGITS) {
            return null;
        }
        var exact = stripped.toBigIntegerExact();
        return exact.bitLength() < 64 ? LongNode.valueOf(exact.longValueExact()) : BigIntegerNode.valueOf(exact);
    }
}
