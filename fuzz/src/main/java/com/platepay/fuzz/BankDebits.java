package com.platepay.fuzz;

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
import java.util.ArrayList;
import java.util.List;

/** Reads the simulated bank's record of debits (GET /v1/debits?accountId=...), the ground truth of money moved. */
public final class BankDebits {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String bankUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    /** One debit; {@code chargeRef} is the device's chargeId, the last word of the reference PlatePay sends. */
    public record Debit(String debitId, String status, long amount, String approvalCode, String reference) {
        public boolean movedMoney() {
            return approvalCode != null && !approvalCode.isEmpty();
        }

        public String chargeRef() {
            String r = reference == null ? "" : reference.strip();
            return r.substring(r.lastIndexOf(' ') + 1);
        }
    }

    public BankDebits(String bankUrl) {
        this.bankUrl = bankUrl.replaceAll("/+$", "");
    }

    public List<Debit> of(String accountId) {
        JsonNode list = get("/v1/debits?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8));
        List<Debit> out = new ArrayList<>();
        for (JsonNode d : list) {
            out.add(new Debit(d.path("debitId").asText(), d.path("status").asText(), d.path("amount").asLong(),
                    d.path("approvalCode").isTextual() ? d.path("approvalCode").textValue() : null, d.path("reference").asText("")));
        }
        return out;
    }

    /** The account id of a card number (the demo card's number is public in the README). */
    public String accountOf(String pan) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bankUrl + "/v1/accounts/lookup"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("pan", pan).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the bank does not know that card: HTTP " + r.statusCode());
            }
            return JSON.readTree(r.body()).path("accountId").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the bank at " + bankUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bankUrl + path)).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("bank GET " + path + ": HTTP " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the bank at " + bankUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
