package com.platepay.banksim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.banksim.BankException;
import com.platepay.banksim.accounts.Account;
import com.platepay.banksim.accounts.AccountService;
import com.platepay.banksim.accounts.AccountService.NewAccount;
import com.platepay.banksim.accounts.AccountService.Verification;
import com.platepay.banksim.accounts.AccountService.VerificationResult;
import com.platepay.banksim.accounts.CardNumbers;
import com.platepay.banksim.accounts.CardType;
import com.platepay.banksim.debits.DebitRecord;
import com.platepay.banksim.debits.DebitRequest;
import com.platepay.banksim.debits.DebitService;
import com.platepay.banksim.faults.FaultInjector;
import com.platepay.banksim.faults.FaultMode;
import com.platepay.banksim.faults.FaultRule;
import com.platepay.banksim.faults.FaultTarget;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The HTTP API: routes, request validation, and where injected faults take effect. */
public final class BankApi {
    private static final String KEY = "([^/]+)";

    private final AccountService accounts;
    private final DebitService debits;
    private final FaultInjector faults;

    public BankApi(AccountService accounts, DebitService debits, FaultInjector faults) {
        this.accounts = accounts;
        this.debits = debits;
        this.faults = faults;
    }

    public Router router(PrintStream log) {
        return new Router(log)
                .route("GET", "/health", r -> Reply.ok(Json.object().put("status", "UP")))
                .route("POST", "/v1/accounts", this::openAccount)
                .route("POST", "/v1/accounts/lookup", this::lookupAccount)
                .route("GET", "/v1/accounts/" + KEY, r -> Reply.ok(Views.account(accounts.get(r.pathParam(0)))))
                .route("POST", "/v1/card-verifications", this::verify)
                .route("POST", "/v1/debits", this::debit)
                .route("GET", "/v1/debits", this::listDebits)
                .route("GET", "/v1/debits/" + KEY, this::inquiry)
                .route("POST", "/v1/debits/" + KEY + "/reversal", this::reversal)
                .route("GET", "/v1/faults", r -> Reply.ok(Views.faults(faults.current())))
                .route("POST", "/v1/faults", this::setFaults)
                .route("DELETE", "/v1/faults", r -> {
                    faults.clear();
                    return Reply.ok(Views.faults(faults.current()));
                });
    }

    private Reply openAccount(Request r) {
        ObjectNode body = r.json();
        String pan = Json.pan(body);
        String holderName = Json.text(body, "holderName", 100, true);
        CardType cardType = Json.enumValue(body, "cardType", CardType.class, "VALIDATION_FAILED");
        String bankName = Json.text(body, "bankName", 100, true);
        int month = Json.expiryMonth(body);
        int year = Json.expiryYear(body);
        long balance = Json.integer(body, "balance", "INVALID_AMOUNT");
        if (balance < 0) {
            throw BankException.badRequest("INVALID_AMOUNT", "balance must not be negative");
        }
        String currency = Json.currency(body);
        Account account = accounts.open(new NewAccount(pan, holderName, cardType, bankName, month, year, balance, currency));
        return Reply.of(201, Views.account(account));
    }

    private Reply lookupAccount(Request r) {
        String pan = Json.pan(r.json());
        Account account = accounts.byPan(pan).orElseThrow(() -> BankException.notFound("ACCOUNT_NOT_FOUND",
                "no account for card " + CardNumbers.mask(pan)));
        return Reply.ok(Views.account(account));
    }

    private Reply verify(Request r) throws InterruptedException {
        ObjectNode body = r.json();
        String pan = Json.pan(body);
        int month = Json.expiryMonth(body);
        int year = Json.expiryYear(body);
        long delayAfter = beforeProcessing(FaultTarget.VERIFY);
        Verification v = accounts.verify(pan, month, year);
        ObjectNode json = Json.object().put("result", v.result().name());
        if (v.result() != VerificationResult.CARD_NOT_FOUND) {
            json.put("cardType", v.account().cardType().name())
                    .put("bankName", v.account().bankName())
                    .put("bin", CardNumbers.bin(pan))
                    .put("last4", CardNumbers.last4(pan));
        }
        return Reply.ok(json).delayed(delayAfter);
    }

    private Reply debit(Request r) throws InterruptedException {
        String key = r.header("Idempotency-Key");
        if (key == null || key.isEmpty()) {
            throw BankException.badRequest("IDEMPOTENCY_KEY_MISSING", "the Idempotency-Key header is required");
        }
        if (!validKey(key)) {
            throw BankException.badRequest("IDEMPOTENCY_KEY_INVALID",
                    "the Idempotency-Key must be 1 to 64 visible ASCII characters without '/'");
        }
        ObjectNode body = r.json();
        String pan = Json.pan(body);
        int month = Json.expiryMonth(body);
        int year = Json.expiryYear(body);
        long amount = Json.integer(body, "amount", "INVALID_AMOUNT");
        if (amount <= 0) {
            throw BankException.badRequest("INVALID_AMOUNT", "amount must be a positive integer of minor units");
        }
        String currency = Json.currency(body);
        String merchantId = Json.text(body, "merchantId", 64, false);
        String reference = Json.text(body, "reference", 128, false);
        DebitRequest request = new DebitRequest(pan, month, year, amount, currency, merchantId, reference);

        long delayAfter = beforeProcessing(FaultTarget.DEBIT);
        DebitRecord record = debits.debit(key, request, faults.latencyMs());
        return Reply.ok(Views.debitResponse(record)).delayed(delayAfter);
    }

    private Reply inquiry(Request r) throws InterruptedException {
        long delayAfter = beforeProcessing(FaultTarget.DEBIT_INQUIRY);
        return Reply.ok(Views.debit(debits.find(r.pathParam(0)))).delayed(delayAfter);
    }

    private Reply reversal(Request r) throws InterruptedException {
        String key = r.pathParam(0);
        if (!validKey(key)) {
            throw BankException.badRequest("IDEMPOTENCY_KEY_INVALID", "the idempotency key must be 1 to 64 visible ASCII characters");
        }
        long delayAfter = beforeProcessing(FaultTarget.REVERSAL);
        return Reply.ok(Views.reversal(debits.reverse(key))).delayed(delayAfter);
    }

    private Reply listDebits(Request r) {
        String accountId = r.query().get("accountId");
        if (accountId == null || accountId.isEmpty()) {
            throw BankException.badRequest("VALIDATION_FAILED", "the accountId query parameter is required");
        }
        accounts.get(accountId);
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (DebitRecord d : debits.ofAccount(accountId)) {
            list.add(Views.debit(d));
        }
        return new Reply(200, list, 0);
    }

    private Reply setFaults(Request r) {
        ObjectNode body = r.json();
        long latency = Json.optionalInteger(body, "latencyMs", 0, "INVALID_FAULT");
        if (latency < 0 || latency > 600_000) {
            throw BankException.badRequest("INVALID_FAULT", "latencyMs must be 0 to 600000");
        }
        List<FaultRule> rules = new ArrayList<>();
        JsonNode rulesNode = body.get("rules");
        if (rulesNode != null && !rulesNode.isNull()) {
            if (!rulesNode.isArray()) {
                throw BankException.badRequest("INVALID_FAULT", "rules must be an array");
            }
            for (JsonNode node : rulesNode) {
                if (!node.isObject()) {
                    throw BankException.badRequest("INVALID_FAULT", "each rule must be an object");
                }
                ObjectNode rule = (ObjectNode) node;
                FaultTarget on = Json.enumValue(rule, "on", FaultTarget.class, "INVALID_FAULT");
                FaultMode mode = Json.enumValue(rule, "mode", FaultMode.class, "INVALID_FAULT");
                long count = Json.optionalInteger(rule, "count", 1, "INVALID_FAULT");
                long delay = Json.optionalInteger(rule, "delayMs", FaultRule.DEFAULT_DELAY_MS, "INVALID_FAULT");
                if (count < 1 || count > 1_000_000 || delay < 0 || delay > 600_000) {
                    throw BankException.badRequest("INVALID_FAULT", "count must be 1 to 1000000 and delayMs 0 to 600000");
                }
                rules.add(new FaultRule(on, mode, (int) count, delay));
            }
        }
        faults.replace(new FaultInjector.Settings(latency, rules));
        return Reply.ok(Views.faults(faults.current()));
    }

    /**
     * Applies the next fault rule for this kind of request, if any: ERROR_500 and DROP_CONNECTION end the request
     * here, TIMEOUT_BEFORE_PROCESSING waits here. Returns how long to hold the answer after processing.
     */
    private long beforeProcessing(FaultTarget target) throws InterruptedException {
        FaultRule rule = faults.take(target);
        if (rule == null) {
            return 0;
        }
        switch (rule.mode()) {
            case ERROR_500 -> throw new BankException(500, "SIMULATED_FAILURE", "Internal error",
                    "simulated bank failure (fault injection)");
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
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '/') {
                return false;
            }
        }
        return true;
    }
}
