package com.platepay.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The few HTTP calls the launcher needs, as JSON in and out; every failure becomes a {@link KeycloakException}. */
final class KeycloakHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakException("Keycloak unreachable at " + built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("interrupted while calling " + built.uri(), e);
        }
    }

    /** Sends and requires a 2xx answer; returns the body as JSON (a missing node when the body is empty). */
    JsonNode expectSuccess(HttpRequest.Builder request, String what) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new KeycloakException(what + " failed: HTTP " + response.statusCode() + " " + response.body(),
                    response.statusCode());
        }
        return parse(response.body());
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new KeycloakException("Keycloak answered with something that is not JSON: " + body, e);
        }
    }

    static HttpRequest.BodyPublisher json(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new KeycloakException("cannot write JSON", e);
        }
    }

    static HttpRequest.Builder form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
