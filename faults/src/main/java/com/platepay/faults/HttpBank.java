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

/** The HTTP simulated bank: fault rules at {@code /v1/faults}, each account's debits and holds at {@code /v1/debits}, {@code /v1/holds}. */
final class HttpBank implements BankSide {
    private static final FaultModes MODES = new FaultModes(Map.of(Fault.ANSWER_LATE, "TIMEOUT_AFTER_PROCESSING",
            Fault.ARRIVE_LATE, "TIMEOUT_BEFORE_PROCESSING", Fault.ERROR, "ERROR_500", Fault.DROP, "DROP_CONNECTION"));
    private final BankHttp http;

    HttpBank(String baseUrl) {
        this.http = new BankHttp(baseUrl);
    }

    @Override
    public void replaceFaults(List<Rule> rules) throws IOException {
        ObjectNode body = BankHttp.JSON.createObjectNode().put("latencyMs", 0);
        ArrayNode array = body.putArray("rules");
        for (Rule r : rules) {
            if (r.count() > 0) {
                array.addObject().put("on", r.on().name()).put("mode", MODES.mode(r.fault())).put("count", r.count()).put("delayMs", r.delayMs());
            }
        }
        http.post("/v1/faults", body);
    }

    @Override
    public Map<String, Integer> remaining() throws IOException {
        Map<String, Integer> left = new HashMap<>();
        for (JsonNode r : http.get("/v1/faults").path("rules")) {
            left.merge(r.path("on").asText() + "/" + MODES.fault(r.path("mode").asText()), r.path("count").asInt(), Integer::sum);
        }
        return left;
    }

    @Override
    public void clearFaults() throws IOException {
        http.delete("/v1/faults");
    }

    @Override
    public List<BankHold> holds(String accountId) throws IOException {
        List<BankHold> out = new ArrayList<>();
        for (JsonNode h : http.get("/v1/holds?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8))) {
            out.add(new BankHold(h.path("idempotencyKey").asText(), accountId, h.path("status").asText(), h.path("amount").asLong(),
                    h.path("captured").isNumber() ? h.path("captured").asLong() : null));
        }
        return out;
    }

    @Override
    public boolean holdFaults() {
        return true;
    }

    @Override
    public List<BankDebit> debits(String accountId) throws IOException {
        List<BankDebit> out = new ArrayList<>();
        for (JsonNode d : http.get("/v1/debits?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8))) {
            out.add(new BankDebit(d.path("idempotencyKey").asText(), accountId, d.path("status").asText(), d.path("amount").asLong()));
        }
        return out;
    }
}
