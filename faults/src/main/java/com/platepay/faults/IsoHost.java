package com.platepay.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.iso8583.SentMessage;
import com.platepay.iso8583.TransactionLog;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ISO 8583 acquirer host, through its back office: fault rules at {@code /v1/faults} and each account's
 * transactions at {@code /v1/transactions}. The host's books know RRNs, not the server's idempotency keys, so its
 * purchases are matched to charges through the adapter's own transaction log, written before each message was sent.
 * A purchase whose RRN the log lacks keeps the RRN as its key and so counts as money taken for no charge.
 */
final class IsoHost implements BankSide {
    private static final FaultModes MODES = new FaultModes(Map.of(Fault.ANSWER_LATE, "LATE_ANSWER", Fault.ARRIVE_LATE, "LATE_ARRIVAL",
            Fault.ERROR, "RESPOND", Fault.DROP, "DROP_LINK"));
    /** Answered for {@link Fault#ERROR}: system malfunction, nothing processed. */
    static final String ERROR_CODE = "96";

    private final BankHttp http;
    private final Path adapterLog;

    IsoHost(String adminUrl, Path adapterLog) {
        this.http = new BankHttp(adminUrl);
        this.adapterLog = adapterLog;
    }

    @Override
    public void replaceFaults(List<Rule> rules) throws IOException {
        ObjectNode body = BankHttp.JSON.createObjectNode().put("latencyMs", 0);
        ArrayNode array = body.putArray("rules");
        for (Rule r : rules) {
            if (r.count() > 0) {
                ObjectNode rule = array.addObject().put("on", r.on() == On.DEBIT ? "PURCHASE" : "REVERSAL")
                        .put("mode", MODES.mode(r.fault())).put("count", r.count()).put("delayMs", Math.max(1, r.delayMs()));
                if (r.fault() == Fault.ERROR) {
                    rule.put("responseCode", ERROR_CODE);
                }
            }
        }
        http.post("/v1/faults", body);
    }

    @Override
    public Map<String, Integer> remaining() throws IOException {
        Map<String, Integer> left = new HashMap<>();
        for (JsonNode r : http.get("/v1/faults").path("rules")) {
            On on = "PURCHASE".equals(r.path("on").asText()) ? On.DEBIT : On.REVERSAL;
            left.merge(on + "/" + MODES.fault(r.path("mode").asText()), r.path("count").asInt(), Integer::sum);
        }
        return left;
    }

    @Override
    public void clearFaults() throws IOException {
        http.delete("/v1/faults");
    }

    @Override
    public List<BankDebit> debits(String accountId) throws IOException {
        Map<String, String> keyByRrn = keysByRrn();
        List<BankDebit> out = new ArrayList<>();
        for (JsonNode t : http.get("/v1/transactions?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8))) {
            if (!"PURCHASE".equals(t.path("kind").asText())) {
                continue;
            }
            String rrn = t.path("rrn").asText();
            out.add(new BankDebit(keyByRrn.getOrDefault(rrn, "rrn:" + rrn), accountId, t.path("status").asText(), t.path("amount").asLong()));
        }
        return out;
    }

    private Map<String, String> keysByRrn() throws IOException {
        Map<String, String> byRrn = new HashMap<>();
        if (Files.exists(adapterLog)) {
            for (Map.Entry<String, SentMessage> e : TransactionLog.originalsIn(adapterLog, TransactionLog.Kind.PURCHASE).entrySet()) {
                byRrn.put(e.getValue().rrn(), e.getKey());
            }
        }
        return byRrn;
    }
}
