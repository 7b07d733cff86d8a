package com.platepay.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The simulated bank's HTTP API as the suite uses it: fault rules, and each account's debits. */
final class BankControl {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One rule of POST /v1/faults. */
    record Rule(String on, String mode, int count, long delayMs) {
        String key() {
            return on + "/" + mode;
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BankControl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Replaces the fault set; returns how many uses each rule of the previous set had left (by on/mode). */
    Map<String, Integer> replaceFaults(List<Rule> rules) throws IOException {
        Map<String, Integer> left = remaining();
        ObjectNode body = JSON.createObjectNode().put("latencyMs", 0);
        ArrayNode array = body.putArray("rules");
        for (Rule r : rules) {
            if (r.count() > 0) {
                array.addObject().put("on", r.on()).put("mode", r.mode()).put("count", r.count()).put("delayMs", r.delayMs());
            }
        }
        send(HttpRequest.newBuilder(uri("/v1/faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        return left;
    }

    Map<String, Integer> remaining() throws IOException {
        JsonNode current = send(HttpRequest.newBuilder(uri("/v1/faults")).GET());
        Map<String, Integer> left = new HashMap<>();
        for (JsonNode r : current.path("rules")) {
            left.merge(r.path("on").asText() + "/" + r.path("mode").asText(), r.path("count").asInt(), Integer::sum);
        }
        return left;
    }

    void clearFaults() throws IOException {
        send(HttpRequest.newBuilder(uri("/v1/faults")).DELETE());
    }

    List<BankDebit> debits(String accountId) throws IOException {
        JsonNode list = send(HttpRequest.newBuilder(uri("/v1/debits?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8))).GET());
        List<BankDebit> out = new ArrayList<>();
        for (JsonNode d : list) {
            out.add(new BankDebit(d.path("idempotencyKey").asText(), accountId, d.path("status").asText(), d.path("amount").asLong()));
        }
        return out;
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("bank " + r.request().method() + " " + r.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
