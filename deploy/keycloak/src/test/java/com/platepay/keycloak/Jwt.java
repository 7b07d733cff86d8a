package com.platepay.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads a JWT's claims without checking the signature (Keycloak issued it a moment ago). */
final class Jwt {
    private Jwt() {
    }

    static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return KeycloakHttp.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    static List<String> audience(String token) {
        return strings(claims(token).path("aud"));
    }

    static List<String> realmRoles(String token) {
        return strings(claims(token).path("realm_access").path("roles"));
    }

    /** A claim that may be one string or an array of strings, as a list. */
    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }
}
