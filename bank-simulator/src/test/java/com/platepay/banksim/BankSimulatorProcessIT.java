package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, started as its own process the way the server's tests start it. */
class BankSimulatorProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Path jar() {
        return Path.of(System.getProperty("bank-simulator.jar", "target/bank-simulator.jar"));
    }

    private static HttpResponse<String> send(String method, String url, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long balance(BankSimulatorProcess bank, String accountId) throws Exception {
        return JSON.readTree(send("GET", bank.baseUrl() + "/v1/accounts/" + accountId, null, null).body()).get("balance").asLong();
    }

    @Test
    void startsThePackagedJarAndKeepsTheStateAcrossARestart(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("bank-state.json");
        String pan = TestBank.randomPan();
        String accountId;
        try (BankSimulatorProcess bank = BankSimulatorProcess.start(jar(), dir.resolve("run1"), List.of("--state", state.toString()))) {
            assertTrue(bank.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), bank.baseUrl());
            assertEquals(Integer.toString(bank.port()), Files.readString(dir.resolve("run1").resolve("bank.port")).trim());
            assertEquals(200, send("GET", bank.baseUrl() + "/health", null, null).statusCode());
            HttpResponse<String> created = send("POST", bank.baseUrl() + "/v1/accounts", JSON.writeValueAsString(
                    TestBank.account(pan, "DEBIT", 200_000, "CNY", 12, 2031)), null);
            assertEquals(201, created.statusCode());
            accountId = JSON.readTree(created.body()).get("accountId").asText();
            HttpResponse<String> debit = send("POST", bank.baseUrl() + "/v1/debits",
                    "{\"pan\":\"" + pan + "\",\"expiryMonth\":12,\"expiryYear\":2031,\"amount\":12850,\"currency\":\"CNY\","
                            + "\"merchantId\":\"m1\",\"reference\":\"r1\"}", "chg_it");
            JsonNode answer = JSON.readTree(debit.body());
            assertEquals("APPROVED", answer.get("status").asText());
            assertEquals(187_150, balance(bank, accountId));
        }
        String log = Files.readString(dir.resolve("run1").resolve("bank-simulator.log"));
        assertTrue(log.contains("POST /v1/debits 200"), log);
        assertTrue(log.contains("bank-simulator stopped"), "SIGTERM runs the shutdown hook: " + log);
        assertFalse(log.contains(pan), "the log never holds a full card number");

        try (BankSimulatorProcess bank = BankSimulatorProcess.start(jar(), dir.resolve("run2"), List.of("--state", state.toString()))) {
            assertEquals(187_150, balance(bank, accountId));
            assertEquals("APPROVED",
                    JSON.readTree(send("GET", bank.baseUrl() + "/v1/debits/chg_it", null, null).body()).get("status").asText());
        }
    }

    @Test
    void aKilledBankComesBackWithEveryAnsweredChange(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("bank-state.json");
        String pan = TestBank.randomPan();
        String accountId;
        try (BankSimulatorProcess bank = BankSimulatorProcess.start(jar(), dir.resolve("run1"), List.of("--state", state.toString()))) {
            accountId = JSON.readTree(send("POST", bank.baseUrl() + "/v1/accounts", JSON.writeValueAsString(
                    TestBank.account(pan, "DEBIT", 200_000, "CNY", 12, 2031)), null).body()).get("accountId").asText();
            for (int i = 0; i < 25; i++) {
                assertEquals(200, send("POST", bank.baseUrl() + "/v1/debits", "{\"pan\":\"" + pan + "\",\"expiryMonth\":12,"
                        + "\"expiryYear\":2031,\"amount\":100,\"currency\":\"CNY\",\"merchantId\":\"m1\",\"reference\":\"r\"}",
                        "chg_" + i).statusCode());
            }
            assertEquals(200, send("POST", bank.baseUrl() + "/v1/debits/chg_3/reversal", null, null).statusCode());
            assertEquals(200, send("POST", bank.baseUrl() + "/v1/debits/chg_late/reversal", null, null).statusCode());
            bank.kill();
        }
        String log = Files.readString(dir.resolve("run1").resolve("bank-simulator.log"));
        assertFalse(log.contains("bank-simulator stopped"), "killed, so no shutdown hook ran: " + log);

        try (BankSimulatorProcess bank = BankSimulatorProcess.start(jar(), dir.resolve("run2"), List.of("--state", state.toString()))) {
            assertEquals(200_000 - 24 * 100, balance(bank, accountId));
            assertEquals("REVERSED",
                    JSON.readTree(send("GET", bank.baseUrl() + "/v1/debits/chg_3", null, null).body()).get("status").asText());
            JsonNode late = JSON.readTree(send("POST", bank.baseUrl() + "/v1/debits", "{\"pan\":\"" + pan + "\",\"expiryMonth\":12,"
                    + "\"expiryYear\":2031,\"amount\":100,\"currency\":\"CNY\",\"merchantId\":\"m1\",\"reference\":\"r\"}",
                    "chg_late").body());
            assertEquals("REVERSED_BEFORE_AUTHORISATION", late.get("declineCode").asText());
        }
    }

    @Test
    void aProcessThatDiesWhileStartingReportsItsLog(@TempDir Path dir) {
        IOException failure = assertThrows(IOException.class,
                () -> BankSimulatorProcess.start(jar(), dir, List.of("--no-such-option")));
        assertTrue(failure.getMessage().contains("unknown option --no-such-option"), failure.getMessage());
    }

    @Test
    void aMissingJarIsReportedAtOnce(@TempDir Path dir) {
        IOException failure = assertThrows(IOException.class, () -> BankSimulatorProcess.start(dir.resolve("nope.jar"), dir));
        assertTrue(failure.getMessage().contains("missing"), failure.getMessage());
    }
}
