package com.platepay.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.platepay.testing.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps contracts/openapi.yaml true: the operations and schema shapes the server really serves must be the
 * ones in the contract. When this fails after a deliberate API change, rebuild the server
 * (`./mvnw -pl server -am package -DskipTests`) and take the paths and schemas from
 * server/target/openapi/openapi.yaml into contracts/openapi.yaml.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class OpenApiContractTest {

    @Test
    void servedApiMatchesTheContract() throws Exception {
        JsonNode served = new ObjectMapper().readTree(
                RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        JsonNode contract;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("contracts/openapi.yaml")) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertEquals(operations(contract), operations(served), "operations (method path -> responses)");
        assertEquals(schemas(contract), schemas(served), "schemas (name -> properties)");
    }

    private static Map<String, TreeSet<String>> operations(JsonNode doc) {
        Map<String, TreeSet<String>> ops = new TreeMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().has("responses")) {
                TreeSet<String> codes = new TreeSet<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
                ops.put(op.getKey().toUpperCase() + " " + path.getKey(), codes);
            }
        }));
        return ops;
    }

    private static Map<String, TreeSet<String>> schemas(JsonNode doc) {
        Map<String, TreeSet<String>> shapes = new TreeMap<>();
        doc.path("components").path("schemas").fields().forEachRemaining(schema -> {
            TreeSet<String> properties = new TreeSet<>();
            schema.getValue().path("properties").fieldNames().forEachRemaining(properties::add);
            schema.getValue().path("enum").forEach(v -> properties.add("enum:" + v.asText()));
            shapes.put(schema.getKey(), properties);
        });
        return shapes;
    }
}
