package com.platepay.acquirerhost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.platepay.iso8583.AcquirerLink;
import com.platepay.iso8583.AcquirerMessages;
import com.platepay.iso8583.CardData;
import com.platepay.iso8583.Iso8583Acquirer;
import com.platepay.iso8583.Iso87Packager;
import com.platepay.iso8583.MessageAuthenticator;
import com.platepay.iso8583.StanSequence;
import com.platepay.iso8583.Terminal;
import com.platepay.iso8583.TransactionLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** The packaged host as its own process, PlatePay's ISO 8583 client linked to it, and the admin API. */
final class HostHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final AcquirerHostProcess host;
    final AcquirerLink link;
    final Iso8583Acquirer acquirer;
    private final TransactionLog log;

    HostHarness(Path dir) throws Exception {
        this(dir, Duration.ofSeconds(30));
    }

    HostHarness(Path dir, Duration echoInterval) throws Exception {
        Path jar = Path.of(System.getProperty("acquirer-host.jar", "target/acquirer-host.jar"));
        host = AcquirerHostProcess.start(jar, dir.resolve("host"), List.of("--state", dir.resolve("host-state.json").toString()));
        Terminal terminal = new Terminal("PLATE001", "platepay-test", "123456", ZoneId.of("Asia/Shanghai"));
        AcquirerMessages messages = new AcquirerMessages(terminal, StanSequence.open(dir.resolve("stan")), Clock.systemUTC());
        link = new AcquirerLink(new AcquirerLink.Settings("127.0.0.1", host.isoPort(), Duration.ofMillis(200),
                echoInterval, Duration.ofSeconds(2)), Iso87Packager.create(), messages, MessageAuthenticator.NONE).start();
        if (!link.awaitUp(Duration.ofSeconds(10))) {
            throw new IllegalStateException("the link did not come up");
        }
        log = TransactionLog.open(dir.resolve("transactions.log"));
        acquirer = new Iso8583Acquirer(link, messages, log, new Iso8583Acquirer.Settings(TIMEOUT, 3));
    }

    record Card(String accountId, CardData data) {
    }

    Card openAccount(String cardType, long balance) throws IOException, InterruptedException {
        String pan = randomPan();
        JsonNode account = post("/v1/accounts", Map.of("pan", pan, "holderName", "Test Driver", "cardType", cardType,
                "bankName", "Test Bank", "expiryMonth", 12, "expiryYear", 2031, "balance", balance, "currency", "CNY"));
        return new Card(account.get("accountId").asText(), new CardData(pan, 12, 2031));
    }

    long balance(Card card) throws IOException, InterruptedException {
        return get("/v1/accounts/" + card.accountId()).get("balance").asLong();
    }

    JsonNode transactions(Card card) throws IOException, InterruptedException {
        return get("/v1/transactions?accountId=" + card.accountId());
    }

    void fault(String on, String mode, long delayMs, String responseCode) throws IOException, InterruptedException {
        Map<String, Object> rule = new HashMap<>(Map.of("on", on, "mode", mode, "count", 1, "delayMs", delayMs));
        if (responseCode != null) {
            rule.put("responseCode", responseCode);
        }
        post("/v1/faults", Map.of("latencyMs", 0, "rules", List.of(rule)));
    }

    String hostLog() throws IOException {
        return Files.readString(host.logFile(), StandardCharsets.UTF_8);
    }

    /** Polls until the condition holds (the host acts on its own clock; no test asserts a duration). */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(host.adminUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(host.adminUrl() + path)).GET().build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    static String randomPan() {
        StringBuilder digits = new StringBuilder("622202");
        while (digits.length() < 15) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String s) {
        int sum = 0;
        boolean dbl = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            int d = s.charAt(i) - '0';
            if (dbl && (d *= 2) > 9) {
                d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    @Override
    public void close() throws IOException {
        link.close();
        log.close();
        host.close();
    }
}
