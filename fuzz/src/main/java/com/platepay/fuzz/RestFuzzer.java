package com.platepay.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sends generated bodies to every operation of the OpenAPI document the server serves (/q/openapi), each with a
 * real token of the role its path belongs to. Pass: no answer is a 5xx (or no answer at all).
 */
public final class RestFuzzer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ROLE_BY_PREFIX = Map.of("/api/v1/me/", "driver", "/api/v1/operator/", "operator",
            "/api/v1/attendant/", "attendant", "/api/v1/admin/", "admin");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "application/json",
            "application/json; charset=utf-16", "text/plain", "application/xml", "application/problem+json");

    private final String baseUrl;
    private final Function<String, String> tokenForRole;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Counts by HTTP status, and every call answered 5xx or not at all. */
    public record Report(int requests, int operations, Map<String, Integer> byStatus, List<String> failures) {
    }

    public RestFuzzer(String baseUrl, Function<String, String> tokenForRole, long seed) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.tokenForRole = tokenForRole;
        this.random = new Random(seed);
    }

    public Report run(int bodiesPerOperation) {
        JsonNode api = openApi();
        RestBodies bodies = new RestBodies(api, random);
        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String method = op.getKey().toUpperCase();
                String role = roleOf(path.getKey());
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                for (int i = 0; i < bodiesPerOperation; i++) {
                    String url = baseUrl + concrete(path.getKey(), bodies) + query(op.getValue(), bodies);
                    byte[] body = bodies.body(schema);
                    String status = send(method, url, body, role);
                    requests++;
                    byStatus.merge(status, 1, Integer::sum);
                    if (!status.matches("[1-4]\\d\\d")) {
                        failures.add(method + " " + url.substring(baseUrl.length(), Math.min(url.length(), baseUrl.length() + 160))
                                + " as " + role + " with " + snippet(body) + ": " + status);
                    }
                }
            }
        }
        return new Report(requests, operations, byStatus, failures);
    }

    private JsonNode openApi() {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi: HTTP " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String send(String method, String url, byte[] body, String role) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (role != null) {
                b.header("Authorization", "Bearer " + tokenForRole.apply(role));
            }
            boolean withBody = !method.equals("GET") && !method.equals("DELETE") || random.nextInt(10) == 0;
            if (withBody) {
                b.header("Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
            }
            b.method(method, withBody ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
            // Only the status matters: take it as soon as the headers arrive and close the body, so an operation that
            // streams (the driver's server-sent events) answers like any other.
            HttpResponse<java.io.InputStream> response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return String.valueOf(response.statusCode());
        } catch (IllegalArgumentException e) {
            return "unsendable";
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String concrete(String template, RestBodies bodies) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open).append(bodies.pathParameter());
            i = template.indexOf('}', open) + 1;
        }
        return out.toString();
    }

    private String query(JsonNode operation, RestBodies bodies) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : operation.path("parameters")) {
            if ("query".equals(p.path("in").asText()) && random.nextBoolean()) {
                q.append(q.isEmpty() ? '?' : '&').append(p.path("name").asText()).append('=').append(bodies.queryValue());
            }
        }
        return q.toString();
    }

    private static String roleOf(String path) {
        return ROLE_BY_PREFIX.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String snippet(byte[] body) {
        String s = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return s.length() > 80 ? s.substring(0, 80) + "... (" + body.length + " bytes)" : s;
    }
}
