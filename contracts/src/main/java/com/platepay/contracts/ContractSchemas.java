package com.platepay.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/** The contract's JSON Schemas, loaded from this jar (classpath prefix contracts/), for tests on every side. */
public final class ContractSchemas {
    public static final String BASE = "https://platepay.example/contracts/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:contracts/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private ContractSchemas() {
    }

    public static JsonSchema schema(String file) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + "schemas/" + file), CONFIG);
    }

    /** Validates a whole envelope (its body by type); an empty list means valid. */
    public static List<String> validateEnvelope(JsonNode envelope) {
        return validate("envelope.schema.json", envelope);
    }

    public static List<String> validate(String schemaFile, JsonNode node) {
        return schema(schemaFile).validate(node).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
