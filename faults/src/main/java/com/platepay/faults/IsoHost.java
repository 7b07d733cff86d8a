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
 * purchases and holds are matched to charges and holds through the adapter's own transaction log, written before each
 * message was sent. A purchase or hold whose RRN the log lacks keeps the RRN as its key and so counts as money taken
 * (or held) for nothing of PlatePay's.
 *
 * <p>A completed hold (0100 then 0220) took its captured amount: it is listed among the debits too, under the hold's
 * key, which is the id of the charge that completed it (as the HTTP bank books a completion's debit).
 */
final class IsoHost implements BankSide {
    private static final FaultModes MODES = new FaultModes(Map.of(Fault.ANSWER_LATE, "LATE_ANSWER", Fault.ARRIVE_LATE, "LATE_ARRIVAL",
            Fault.ERROR, "RESPOND", Fault.DROP, "DROP_LINK"));
    /** Answered for {@link Fault#ERROR}: system malfunction, nothing processed. */
    static final String ERROR_CODE = "96";
    private static final String HOLD = "HOLD";

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
                ObjectNode rule = array.addObject().put("on", hostKind(r.on()))
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
            On on = ourKind(r.path("on").asText());
            left.merge(on + "/" + MODES.fault(r.path("mode").asText()), r.path("count").asInt(), Integer::sum);
        }
        return left;
    }

    /** The host's name for the requests a rule matches: purchases 0200, reversals 0420, holds 0100, completions 0220. */
    private static String hostKind(On on) {
        return switch (on) {
            case DEBIT -> "PURCHASE";
            case REVERSAL -> "REVERSAL";
            case HOLD -> "AUTHORIZATION";
            case COMPLETION -> "COMPLETION";
        };
    }

    private static On ourKind(String host) {
        return switch (host) {
            case "PURCHASE" -> On.DEBIT;
            case "AUTHORIZATION" -> On.HOLD;
            case "COMPLETION" -> On.COMPLETION;
            default -> On.REVERSAL;
        };
    }

    @Override
    public boolean holdFaults() {
        return true;
    }

    @Override
    public List<BankHold> holds(String accountId) throws IOException {
        Map<String, String> keyByRrn = keysByRrn(TransactionLog.Kind.HOLD);
        List<BankHold> out = new ArrayList<>();
        for (JsonNode t : transactions(accountId)) {
            if (HOLD.equals(t.path("kind").asText())) {
                String status = t.path("status").asText();
                out.add(new BankHold(keyByRrn.getOrDefault(t.path("rrn").asText(), "rrn:" + t.path("rrn").asText()), accountId, status,
                        t.path("amount").asLong(), "COMPLETED".equals(status) ? t.path("settledAmount").asLong() : null));
            }
        }
        return out;
    }

    @Override
    public void clearFaults() throws IOException {
        http.delete("/v1/faults");
    }

    @Override
    public List<BankDebit> debits(String accountId) throws IOException {
        Map<String, String> keyByRrn = keysByRrn(TransactionLog.Kind.PURCHASE);
        Map<String, String> holdKeyByRrn = keysByRrn(TransactionLog.Kind.HOLD);
        List<BankDebit> out = new ArrayList<>();
        for (JsonNode t : transactions(accountId)) {
            String rrn = t.path("rrn").asText();
            String kind = t.path("kind").asText();
            if ("PURCHASE".equals(kind)) {
                out.add(new BankDebit(keyByRrn.getOrDefault(rrn, "rrn:" + rrn), accountId, t.path("status").asText(), t.path("amount").asLong()));
            } else if (HOLD.equals(kind) && "COMPLETED".equals(t.path("status").asText())) {
                out.add(new BankDebit(holdKeyByRrn.getOrDefault(rrn, "rrn:" + rrn), accountId, "APPROVED", t.path("settledAmount").asLong()));
            }
        }
        return out;
    }

    private JsonNode transactions(String accountId) throws IOException {
        return http.get("/v1/transactions?accountId=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8));
    }

    private Map<String, String> keysByRrn(TransactionLog.Kind kind) throws IOException {
        Map<String, String> byRrn = new HashMap<>();
        if (Files.exists(adapterLog)) {
            for (Map.Entry<String, SentMessage> e : TransactionLog.originalsIn(adapterLog, kind).entrySet()) {
                byRrn.put(e.getValue().rrn(), e.getKey());
            }
        }
        return byRrn;
    }
}
