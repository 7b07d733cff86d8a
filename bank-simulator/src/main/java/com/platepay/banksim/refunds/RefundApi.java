package com.platepay.banksim.refunds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.banksim.BankException;
import com.platepay.banksim.faults.FaultInjector;
import com.platepay.banksim.faults.FaultRule;
import com.platepay.banksim.faults.FaultTarget;
import com.platepay.banksim.http.DropConnection;
import com.platepay.banksim.http.Json;
import com.platepay.banksim.http.Reply;
import com.platepay.banksim.http.Request;
import com.platepay.banksim.http.Router;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The refund and settlement-file routes: POST /v1/refunds (Idempotency-Key header, with the same fault injection as
 * debits: rules {@code on: REFUND}), GET /v1/refunds/{key}, and GET /v1/settlement-files/{merchantId}/{date}?zone=.
 */
public final class RefundApi {
    private final RefundService refunds;
    private final SettlementFile settlement;
    private final FaultInjector faults;

    public RefundApi(RefundService refunds, SettlementFile settlement, FaultInjector faults) {
        this.refunds = refunds;
        this.settlement = settlement;
        this.faults = faults;
    }

    public Router addTo(Router router) {
        return router
                .route("POST", "/v1/refunds", this::refund)
                .route("GET", "/v1/refunds/([^/]+)", r -> Reply.ok(view(refunds.find(r.pathParam(0)))))
                .route("GET", "/v1/settlement-files/([^/]+)/([^/]+)", this::settlementFile);
    }

    private Reply refund(Request r) throws InterruptedException {
        String key = r.header("Idempotency-Key");
        if (key == null || !validKey(key)) {
            throw BankException.badRequest("IDEMPOTENCY_KEY_INVALID",
                    "the Idempotency-Key header must be 1 to 64 visible ASCII characters without '/'");
        }
        ObjectNode body = r.json();
        String debitKey = Json.text(body, "debitKey", 64, true);
        long amount = Json.integer(body, "amount", "INVALID_AMOUNT");
        if (amount <= 0) {
            throw BankException.badRequest("INVALID_AMOUNT", "amount must be a positive integer of minor units");
        }
        String currency = Json.currency(body);
        String reference = Json.text(body, "reference", 128, false);
        long delayAfter = beforeProcessing();
        RefundRecord record = refunds.refund(key, new RefundService.RefundRequest(debitKey, amount, currency, reference),
                faults.latencyMs());
        return Reply.ok(view(record)).delayed(delayAfter);
    }

    private Reply settlementFile(Request r) {
        LocalDate date;
        ZoneId zone;
        try {
            date = LocalDate.parse(r.pathParam(1));
            zone = ZoneId.of(r.query().getOrDefault("zone", "UTC"));
        } catch (DateTimeException e) {
            throw BankException.badRequest("VALIDATION_FAILED", "the date is YYYY-MM-DD and zone an IANA time zone");
        }
        SettlementFile.Day day = settlement.of(r.pathParam(0), date, zone);
        ObjectNode json = Json.object().put("merchantId", day.merchantId()).put("date", day.date().toString())
                .put("zone", day.zone().getId());
        ObjectNode totals = json.putObject("totals");
        for (SettlementFile.LineType type : SettlementFile.LineType.values()) {
            totals.put(type.name(), day.total(type));
        }
        ArrayNode lines = json.putArray("lines");
        for (SettlementFile.Line line : day.lines()) {
            ObjectNode l = lines.addObject().put("type", line.type().name()).put("key", line.key());
            l.put("debitKey", line.debitKey());
            l.put("amount", line.amount()).put("currency", line.currency()).put("at", line.at().toString())
                    .put("bankReference", line.bankReference());
        }
        return Reply.ok(json);
    }

    static ObjectNode view(RefundRecord r) {
        ObjectNode json = Json.object().put("refundId", r.refundId()).put("idempotencyKey", r.idempotencyKey())
                .put("debitKey", r.debitKey()).put("status", r.status().name());
        json.put("declineCode", r.declineCode());
        return json.put("amount", r.amount()).put("currency", r.currency()).put("createdAt", r.createdAt().toString());
    }

    /** As for debits: ERROR_500 and DROP_CONNECTION end the request unprocessed; the timeouts wait before or after. */
    private long beforeProcessing() throws InterruptedException {
        FaultRule rule = faults.take(FaultTarget.REFUND);
        if (rule == null) {
            return 0;
        }
        switch (rule.mode()) {
            case ERROR_500 -> throw new BankException(500, "SIMULATED_FAILURE", "Internal error", "simulated bank failure (fault injection)");
            case DROP_CONNECTION -> throw new DropConnection();
            case TIMEOUT_BEFORE_PROCESSING -> {
                Thread.sleep(rule.delayMs());
                return 0;
            }
            case TIMEOUT_AFTER_PROCESSING -> {
                return rule.delayMs();
            }
            default -> throw new IllegalStateException(rule.mode().name());
        }
    }

    private static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > 64) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e && c != '/');
    }
}
