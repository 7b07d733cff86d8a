package com.platepay.banksim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.banksim.BankException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One incoming request: path parameters (decoded), query parameters, headers and the JSON body. */
public final class Request {
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpExchange exchange;
    private final List<String> pathParams;
    private final byte[] body;

    Request(HttpExchange exchange, List<String> pathParams, byte[] body) {
        this.exchange = exchange;
        this.pathParams = pathParams;
        this.body = body;
    }

    static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BankException(413, "BODY_TOO_LARGE", "Payload too large", "the body is larger than 64 KiB");
        }
        return bytes;
    }

    public String pathParam(int index) {
        return pathParams.get(index);
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public Map<String, String> query() {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    /** The body as a JSON object; 400 INVALID_JSON otherwise (the parser's message is never echoed: it may quote a PAN). */
    public ObjectNode json() {
        JsonNode node;
        try {
            node = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw BankException.badRequest("INVALID_JSON", "the body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
