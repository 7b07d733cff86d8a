package com.platepay.banksim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platepay.banksim.accounts.Account;
import com.platepay.banksim.accounts.CardNumbers;
import com.platepay.banksim.debits.DebitRecord;
import com.platepay.banksim.debits.DebitService.Reversal;
import com.platepay.banksim.faults.FaultInjector;
import com.platepay.banksim.faults.FaultRule;

/** The JSON shapes the API answers with. A full PAN never appears in any of them. */
final class Views {
    private Views() {
    }

    static ObjectNode account(Account a) {
        return Json.object()
                .put("accountId", a.accountId())
                .put("panMasked", a.panMasked())
                .put("bin", CardNumbers.bin(a.pan()))
                .put("last4", CardNumbers.last4(a.pan()))
                .put("holderName", a.holderName())
                .put("cardType", a.cardType().name())
                .put("bankName", a.bankName())
                .put("expiryMonth", a.expiryMonth())
                .put("expiryYear", a.expiryYear())
                .put("balance", a.balance())
                .put("currency", a.currency());
    }

    /** The answer to POST /v1/debits, identical for every replay of the same key. */
    static ObjectNode debitResponse(DebitRecord d) {
        ObjectNode json = Json.object()
                .put("debitId", d.debitId())
                .put("idempotencyKey", d.idempotencyKey())
                .put("status", d.originalStatus().name());
        json.put("declineCode", d.declineCode() == null ? null : d.declineCode().name());
        json.put("approvalCode", d.approvalCode());
        return json.put("amount", d.amount())
                .put("currency", d.currency())
                .put("createdAt", d.createdAt().toString());
    }

    /** The stored debit as it stands now (GET): its current status, and where it stands. */
    static ObjectNode debit(DebitRecord d) {
        ObjectNode json = debitResponse(d).put("status", d.status().name());
        json.put("accountId", d.accountId());
        json.put("panMasked", d.panMasked());
        json.put("merchantId", d.merchantId());
        json.put("reference", d.reference());
        json.put("reversedAt", d.reversedAt() == null ? null : d.reversedAt().toString());
        return json;
    }

    static ObjectNode reversal(Reversal r) {
        ObjectNode json = Json.object()
                .put("idempotencyKey", r.idempotencyKey())
                .put("status", r.status().name())
                .put("amount", r.amount());
        json.put("currency", r.currency());
        return json;
    }

    static ObjectNode faults(FaultInjector.Settings settings) {
        ObjectNode json = Json.object().put("latencyMs", settings.latencyMs());
        ArrayNode rules = json.putArray("rules");
        for (FaultRule rule : settings.rules()) {
            rules.addObject()
                    .put("on", rule.on().name())
                    .put("mode", rule.mode().name())
                    .put("count", rule.count())
                    .put("delayMs", rule.delayMs());
        }
        return json;
    }
}
