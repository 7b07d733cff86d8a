package com.platepay.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTTP simulated bank: fault rules at {@code /v1/faults}, each account's debits at {@code /v1/debits}. */
final class HttpBank implements BankSide {
    private final BankHttp http;

    HttpBank(String baseUrl) {
        this.http = new BankHttp(baseUrl);
    }

    @Override
    public Map<String, Integer> replaceFaults(List<Rule> rules) throws IOException {
        Map<String, Integer> left = remaining();
        ObjectNode body = BankHttp.JSON.createObjectNode().put("latencyMs", 0);
        ArrayNode array = body.putArray("rules");
        for (Rule r : rules) {
            if (r.count() > 0) {
                array.addObject().put("on", r.on().name()).put("mode", mode(r.fault())).put("count", r.count()).put("delayMs", r.delayMs());
            }
        }
        http.post("/v1/faults", body);
        return left;
    }

    @Override
    public Map<String, Integer> remaining() throws IOException {
        Map<String, Integer> left = new HashMap<>();
        for (JsonNode r : http.get("/v1/faults").path("rules")) {
            left.merge(r.path("on").asText() + "/" + fault(r.path("mode").asText()), r.path("count").asInt(), Integer::sum);
        }
        return left;
    }

    @Override
    public void clearFaults() throws IOException {
        http.delete("/v1/faults");
    }

    @Override
    public List<BankDebit> debits(String accountId) throws IOException {
        List<BankDebit> out = new ArrayList<>();
        for (JsonNode d : http.get("/v1/debits?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8))) {
            out.add(new BankDebit(d.path("idempotencyKey").asText(), accountId, d.path("status").asText(), d.path("amount").asLong()));
        }
        return out;
    }

    private static String mode(Fault fault) {
        return switch (fault) {
            case ANSWER_LATE -> "TIMEOUT_AFTER_PROCESSING";
            case ARRIVE_LATE -> "TIMEOUT_BEFORE_PROCESSING";
            case ERROR -> "ERROR_500";
            case DROP -> "DROP_CONNECTION";
        };
    }

    private static Fault fault(String mode) {
        return switch (mode) {
            case "TIMEOUT_AFTER_PROCESSING" -> Fault.ANSWER_LATE;
            case "TIMEOUT_BEFORE_PROCESSING" -> Fault.ARRIVE_LATE;
            case "ERROR_500" -> Fault.ERROR;
            case "DROP_CONNECTION" -> Fault.DROP;
            default -> throw new IllegalStateException("the bank holds a rule the suite did not set: " + mode);
        };
    }
}
