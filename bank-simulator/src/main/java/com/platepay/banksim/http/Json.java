package com.platepay.banksim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.banksim.BankException;
import com.platepay.banksim.accounts.CardNumbers;
import java.util.regex.Pattern;

/** Strict reading of request fields: money is an integer number of minor units, never a float or a string. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String text(ObjectNode body, String field, int maxLength, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw invalid(field + " is required");
            }
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > maxLength) {
            throw invalid(field + " must be a non-blank string of at most " + maxLength + " characters");
        }
        return node.textValue();
    }

    public static long integer(ObjectNode body, String field, String code) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw BankException.badRequest(code, field + " is required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw BankException.badRequest(code, field + " must be an integer");
        }
        return node.longValue();
    }

    public static long optionalInteger(ObjectNode body, String field, long fallback, String code) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? fallback : integer(body, field, code);
    }

    public static String pan(ObjectNode body) {
        JsonNode node = body.get("pan");
        if (node == null || !node.isTextual() || !CardNumbers.isValid(node.textValue())) {
            throw BankException.badRequest("INVALID_PAN", "pan must be a string of 13 to 19 digits with a valid check digit");
        }
        return node.textValue();
    }

    public static String currency(ObjectNode body) {
        JsonNode node = body.get("currency");
        if (node == null || !node.isTextual() || !CURRENCY.matcher(node.textValue()).matches()) {
            throw BankException.badRequest("INVALID_CURRENCY", "currency must be an ISO 4217 code (three upper-case letters)");
        }
        return node.textValue();
    }

    public static int expiryMonth(ObjectNode body) {
        long month = integer(body, "expiryMonth", "VALIDATION_FAILED");
        if (month < 1 || month > 12) {
            throw invalid("expiryMonth must be 1 to 12");
        }
        return (int) month;
    }

    public static int expiryYear(ObjectNode body) {
        long year = integer(body, "expiryYear", "VALIDATION_FAILED");
        if (year < 2000 || year > 2099) {
            throw invalid("expiryYear must be a four-digit year (2000 to 2099)");
        }
        return (int) year;
    }

    public static <E extends Enum<E>> E enumValue(ObjectNode body, String field, Class<E> type, String code) {
        JsonNode node = body.get(field);
        if (node != null && node.isTextual()) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(node.textValue())) {
                    return value;
                }
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(value.name());
        }
        throw BankException.badRequest(code, field + " must be one of " + allowed);
    }

    private static BankException invalid(String detail) {
        return BankException.badRequest("VALIDATION_FAILED", detail);
    }
}
