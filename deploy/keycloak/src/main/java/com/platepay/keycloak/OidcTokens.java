package com.platepay.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Gets access tokens from one realm's token endpoint. Needs no admin rights. */
public final class OidcTokens {
    private final String tokenUrl;
    private final KeycloakHttp http = new KeycloakHttp();

    /** @param realmUrl e.g. {@code http://127.0.0.1:8180/realms/platepay} */
    public OidcTokens(String realmUrl) {
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
    }

    /** Resource-owner password grant; the client must allow direct access grants. */
    public String passwordGrant(String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return accessToken(form);
    }

    public String clientCredentialsGrant(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return accessToken(form);
    }

    /** The full token response (access_token, expires_in, ...); throws with Keycloak's error when refused. */
    JsonNode tokenResponse(Map<String, String> form) {
        HttpResponse<String> response = http.send(KeycloakHttp.form(tokenUrl, form));
        JsonNode body = KeycloakHttp.parse(response.body());
        if (response.statusCode() != 200) {
            throw new KeycloakException("token request for client " + form.get("client_id") + " refused: HTTP "
                    + response.statusCode() + " " + body.path("error").asText("") + " "
                    + body.path("error_description").asText(""), response.statusCode());
        }
        return body;
    }

    private String accessToken(Map<String, String> form) {
        return tokenResponse(form).path("access_token").asText();
    }
}
