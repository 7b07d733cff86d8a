package com.platepay.banksim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** A real simulator on a free port in this JVM, and a small HTTP client for it. */
final class TestBank implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final BankSimulatorServer server;
    final String url;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    TestBank() throws IOException {
        this(null);
    }

    TestBank(Path stateFile) throws IOException {
        this(stateFile, null, 0);
    }

    /** With benchmark fleet accounts opened on first use for card numbers under {@code fleetPrefix}. */
    TestBank(Path stateFile, String fleetPrefix, long fleetBalance) throws IOException {
        server = BankSimulatorServer.start(new BankSimulatorServer.Options("127.0.0.1", 0, stateFile,
                new PrintStream(logBytes, true, StandardCharsets.UTF_8), fleetPrefix, fleetBalance));
        url = server.baseUrl();
    }

    String log() {
        synchronized (logBytes) {
            return logBytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    record Response(int status, JsonNode body) {
        String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        long number(String field) {
            return body.get(field).longValue();
        }
    }

    Response get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url + path)).GET(), Duration.ofSeconds(30));
    }

    Response delete(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url + path)).DELETE(), Duration.ofSeconds(30));
    }

    Response post(String path, Object body) throws IOException {
        return post(path, body, null, Duration.ofSeconds(30));
    }

    Response post(String path, Object body, String idempotencyKey, Duration timeout) throws IOException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request, timeout);
    }

    private static Response send(HttpRequest.Builder request, Duration timeout) throws IOException {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // --- domain helpers -------------------------------------------------------------------------------------

    record Card(String accountId, String pan) {
    }

    Card openAccount(String cardType, long balance) throws IOException {
        return openAccount(cardType, balance, "CNY", 12, 2031);
    }

    Card openAccount(String cardType, long balance, String currency, int month, int year) throws IOException {
        String pan = randomPan();
        Response r = post("/v1/accounts", account(pan, cardType, balance, currency, month, year));
        if (r.status() != 201) {
            throw new IllegalStateException("account not opened: " + r);
        }
        return new Card(r.text("accountId"), pan);
    }

    static Map<String, Object> account(String pan, String cardType, long balance, String currency, int month, int year) {
        return Map.of("pan", pan, "holderName", "Test Driver", "cardType", cardType, "bankName", "Test Bank",
                "expiryMonth", month, "expiryYear", year, "balance", balance, "currency", currency);
    }

    long balance(Card card) throws IOException {
        Response r = get("/v1/accounts/" + card.accountId());
        if (r.status() != 200) {
            throw new IllegalStateException("no balance: " + r);
        }
        return r.number("balance");
    }

    static Map<String, Object> debitBody(Card card, long amount) {
        return Map.of("pan", card.pan(), "expiryMonth", 12, "expiryYear", 2031, "amount", amount, "currency", "CNY",
                "merchantId", "station-1", "reference", "charge-" + amount);
    }

    Response debit(String key, Card card, long amount) throws IOException {
        return post("/v1/debits", debitBody(card, amount), key, Duration.ofSeconds(30));
    }

    Response reverse(String key) throws IOException {
        return post("/v1/debits/" + key + "/reversal", "");
    }

    Response setFaults(String json) throws IOException {
        Response r = post("/v1/faults", json);
        if (r.status() != 200) {
            throw new IllegalStateException("faults not set: " + r);
        }
        return r;
    }

    static String newKey() {
        return "chg_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    static String randomPan() {
        return randomPan("622202");
    }

    static String randomPan(String prefix) {
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < 15) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (com.platepay.banksim.accounts.CardNumbers.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    /** Polls until the supplier gives a non-null value; for outcomes that happen a moment later. Never times the bank. */
    static <T> T eventually(Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not reached within 20 s");
    }

    /** For lambdas: an IOException becomes unchecked. */
    interface Io<T> {
        T get() throws IOException;
    }

    static <T> T io(Io<T> call) {
        try {
            return call.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
