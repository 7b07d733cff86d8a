package com.platepay.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import com.platepay.contracts.ContractSchemas;
import com.platepay.protocol.charge.ReasonCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Validates every device message against the contract's own envelope schema (which validates the body by type), so
 * the server accepts exactly what {@code contracts/schemas} accepts. A refusal gets the reason code the contract's
 * table gives for the first failing field, in a fixed order: the version, then the shape (MALFORMED), then missing
 * fields, then the values.
 */
@ApplicationScoped
public class ContractSchemaCheck {

    private final JsonSchema envelope = ContractSchemas.schema("envelope.schema.json");

    /** The refusal for this envelope, or empty when the schema accepts it. */
    public Optional<Refusal> check(JsonNode message) {
        Set<ValidationMessage> errors = envelope.validate(message);
        return errors.stream().map(ContractSchemaCheck::refusal).min(Comparator.comparingInt(Refusal::rank)
                .thenComparing(Refusal::field));
    }

    public record Refusal(String code, String field, String detail, int rank) {
    }

    private static Refusal refusal(ValidationMessage error) {
        String at = error.getInstanceLocation().toString();   // a JSON Pointer: "/body/amount"
        String keyword = error.getType();
        String field = ("required".equals(keyword) || "dependentRequired".equals(keyword)) && error.getProperty() != null
                ? at + "/" + error.getProperty() : at;
        String detail = error.getMessage();
        if (field.equals("/v")) {
            return new Refusal("const".equals(keyword) ? ReasonCodes.UNSUPPORTED_VERSION : ReasonCodes.MALFORMED, field, detail, 0);
        }
        if ("type".equals(keyword) || "additionalProperties".equals(keyword)) {
            return new Refusal(ReasonCodes.MALFORMED, field, detail, 1);
        }
        if ("required".equals(keyword) || "dependentRequired".equals(keyword)) {
            return new Refusal(ReasonCodes.MISSING_FIELD, field, detail, 2);
        }
        return new Refusal(switch (field) {
            case "/body/amount" -> ReasonCodes.INVALID_AMOUNT;
            case "/body/plate" -> ReasonCodes.INVALID_PLATE;
            case "/body/chargeId" -> ReasonCodes.INVALID_CHARGE_ID;
            default -> ReasonCodes.INVALID_FIELD;
        }, field, detail, 3);
    }
}
