package com.platepay.banksim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.banksim.BankException;
import com.platepay.banksim.debits.DebitRequest;
import com.platepay.banksim.faults.FaultInjector;
import com.platepay.banksim.faults.FaultRule;
import com.platepay.banksim.faults.FaultTarget;
import com.platepay.banksim.holds.HoldRecord;
import com.platepay.banksim.holds.HoldService;

/**
 * The holds API, beside the debits' (same validation, same idempotency header, same fault injection, with the
 * targets HOLD, COMPLETION and VOID): {@code POST /v1/holds}, {@code POST /v1/holds/{key}/completion}
 * {@code {"amount"}}, {@code POST /v1/holds/{key}/void}, {@code GET /v1/holds/{key}}.
 */
public final class HoldApi {
    private static final String KEY = "([^/]+)";

    private final HoldService holds;
    private final FaultInjector faults;

    public HoldApi(HoldService holds, FaultInjector faults) {
        this.holds = holds;
        this.faults = faults;
    }

    public Router addTo(Router router) {
        return router
                .route("POST", "/v1/holds", this::authorize)
                .route("GET", "/v1/holds", this::listHolds)
                .route("GET", "/v1/holds/" + KEY, r -> Reply.ok(view(holds.find(r.pathParam(0)))))
                .route("POST", "/v1/holds/" + KEY + "/completion", this::complete)
                .route("POST", "/v1/holds/" + KEY + "/void", this::voidHold);
    }

    private Reply authorize(Request r) throws InterruptedException {
        String key = r.header("Idempotency-Key");
        if (key == null || key.isEmpty()) {
            throw BankException.badRequest("IDEMPOTENCY_KEY_MISSING", "the Idempotency-Key header is required");
        }
        key(key);
        ObjectNode body = r.json();
        String pan = Json.pan(body);
        int month = Json.expiryMonth(body);
        int year = Json.expiryYear(body);
        long amount = Json.integer(body, "amount", "INVALID_AMOUNT");
        if (amount <= 0) {
            throw BankException.badRequest("INVALID_AMOUNT", "amount must be a positive integer of minor units");
        }
        String currency = Json.currency(body);
        DebitRequest request = new DebitRequest(pan, month, year, amount, currency, Json.text(body, "merchantId", 64, false),
                Json.text(body, "reference", 128, false));
        long delayAfter = beforeProcessing(FaultTarget.HOLD);
        return Reply.ok(view(holds.authorize(key, request, faults.latencyMs()))).delayed(delayAfter);
    }

    /** An account's holds, as the bank's books hold them (an audit reads them: none may stay HELD for ever). */
    private Reply listHolds(Request r) {
        String accountId = r.query().get("accountId");
        if (accountId == null || accountId.isEmpty()) {
            throw BankException.badRequest("VALIDATION_FAILED", "the accountId query parameter is required");
        }
        var list = Json.MAPPER.createArrayNode();
        holds.ofAccount(accountId).forEach(h -> list.add(view(h)));
        return Reply.ok(list);
    }

    private Reply complete(Request r) throws InterruptedException {
        String key = key(r.pathParam(0));
        long amount = Json.integer(r.json(), "amount", "INVALID_AMOUNT");
        long delayAfter = beforeProcessing(FaultTarget.COMPLETION);
        HoldService.Completion c = holds.complete(key, amount);
        ObjectNode json = Json.object().put("idempotencyKey", c.idempotencyKey()).put("status", c.status().name())
                .put("amount", c.amount()).put("declineCode", c.declineCode()).put("debitId", c.debitId());
        return Reply.ok(json).delayed(delayAfter);
    }

    private Reply voidHold(Request r) throws InterruptedException {
        String key = key(r.pathParam(0));
        long delayAfter = beforeProcessing(FaultTarget.VOID);
        return Reply.ok(Json.object().put("idempotencyKey", key).put("status", holds.voidHold(key).name())).delayed(delayAfter);
    }

    private static ObjectNode view(HoldRecord h) {
        return Json.object().put("holdId", h.holdId()).put("idempotencyKey", h.idempotencyKey()).put("status", h.status().name())
                .put("declineCode", h.declineCode()).put("approvalCode", h.approvalCode()).put("amount", h.amount())
                .put("captured", h.captured()).put("currency", h.currency()).put("accountId", h.accountId())
                .put("panMasked", h.panMasked()).put("createdAt", h.createdAt());
    }

    private static String key(String key) {
        boolean valid = !key.isEmpty() && key.length() <= 64 && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e && c != '/');
        if (!valid) {
            throw BankException.badRequest("IDEMPOTENCY_KEY_INVALID", "the idempotency key must be 1 to 64 visible ASCII characters without '/'");
        }
        return key;
    }

    /** As for debits: ERROR_500 and DROP_CONNECTION end the request here, TIMEOUT_BEFORE_PROCESSING waits here. */
    private long beforeProcessing(FaultTarget target) throws InterruptedException {
        FaultRule rule = faults.take(target);
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
}
