package com.platepay.acquirerhost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.iso8583.Pans;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's back office over HTTP (JSON): open accounts and read balances (the same paths and shapes as the
 * HTTP bank simulator's, so the server's tests and demo seeding work against either), list an account's
 * transactions, and set faults. Card numbers go in request bodies only and come back masked.
 */
final class AdminApi implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostBook book;
    private final HostFaults faults;

    AdminApi(HostBook book, HostFaults faults) {
        this.book = book;
        this.faults = faults;
    }

    private record Reply(int status, Object body) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(), exchange);
        } catch (IllegalArgumentException | IOException e) {
            reply = problem(400, "INVALID_REQUEST", e.getMessage());
        }
        byte[] body = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Reply route(String method, String path, String query, HttpExchange exchange) throws IOException {
        if (path.equals("/health") && method.equals("GET")) {
            return new Reply(200, Map.of("status", "UP"));
        }
        if (path.equals("/v1/accounts") && method.equals("POST")) {
            return open(JSON.readTree(exchange.getRequestBody()));
        }
        if (path.equals("/v1/accounts/lookup") && method.equals("POST")) {
            String pan = JSON.readTree(exchange.getRequestBody()).path("pan").asText();
            return accountReply(book.accountByPan(pan));
        }
        if (path.startsWith("/v1/accounts/") && method.equals("GET")) {
            return accountReply(book.account(path.substring("/v1/accounts/".length())));
        }
        if (path.equals("/v1/transactions") && method.equals("GET") && query != null && query.startsWith("accountId=")) {
            return new Reply(200, book.transactionsOf(query.substring("accountId=".length())));
        }
        if (path.equals("/v1/faults")) {
            switch (method) {
                case "POST" -> faults.replace(JSON.readValue(exchange.getRequestBody(), HostFaults.Settings.class));
                case "DELETE" -> faults.replace(new HostFaults.Settings(0, List.of()));
                case "GET" -> { }
                default -> {
                    return problem(405, "METHOD_NOT_ALLOWED", method);
                }
            }
            return new Reply(200, faults.current());
        }
        return problem(404, "NOT_FOUND", method + " " + path);
    }

    private Reply open(JsonNode b) {
        String pan = b.path("pan").asText();
        if (!pan.matches("\\d{13,19}")) {
            return problem(400, "INVALID_PAN", "a card number is 13 to 19 digits");
        }
        Optional<HostAccount> opened = book.open(pan, b.path("holderName").asText(), b.path("cardType").asText("DEBIT"),
                b.path("bankName").asText(), b.path("expiryMonth").asInt(), b.path("expiryYear").asInt(),
                b.path("balance").asLong(), b.path("currency").asText("CNY"));
        return opened.map(a -> new Reply(201, view(a)))
                .orElseGet(() -> problem(409, "ACCOUNT_EXISTS", "an account exists for " + Pans.mask(pan)));
    }

    private static Reply accountReply(Optional<HostAccount> account) {
        return account.map(a -> new Reply(200, view(a))).orElseGet(() -> problem(404, "ACCOUNT_NOT_FOUND", "no such account"));
    }

    private static ObjectNode view(HostAccount a) {
        ObjectNode node = JSON.createObjectNode();
        node.put("accountId", a.accountId()).put("panMasked", Pans.mask(a.pan()))
                .put("bin", a.pan().substring(0, 6)).put("last4", a.pan().substring(a.pan().length() - 4))
                .put("holderName", a.holderName()).put("cardType", a.cardType()).put("bankName", a.bankName())
                .put("expiryMonth", a.expiryMonth()).put("expiryYear", a.expiryYear())
                .put("balance", a.balance()).put("currency", a.currency());
        return node;
    }

    private static Reply problem(int status, String code, String detail) {
        return new Reply(status, Map.of("status", status, "code", code, "detail", detail == null ? "" : detail));
    }
}
