package com.platepay.settlement;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The report as CSV (RFC 4180): a summary block, then one row per reconciled line. */
final class SettlementCsv {

    private SettlementCsv() {
    }

    static String of(SettlementReport r) {
        StringBuilder out = new StringBuilder();
        row(out, "site", r.siteName(), r.siteId());
        row(out, "business_day", r.businessDay(), r.timeZone());
        row(out, "currency", r.currency());
        row(out, "approved", r.ledger().approved(), r.ledger().approvedCount());
        row(out, "refunded", r.ledger().refunded(), r.ledger().refundedCount());
        row(out, "reversed", r.ledger().reversed(), r.ledger().reversedCount());
        row(out, "fees", r.fees());
        row(out, "net", r.net());
        row(out, "bank_debits", r.bank().debits());
        row(out, "bank_reversals", r.bank().reversals());
        row(out, "bank_refunds", r.bank().refunds());
        row(out, "reconciled", r.reconciled(), r.matched() + " matched", r.differences() + " differences");
        row(out, "status", r.status());
        out.append("\r\n");
        row(out, "outcome", "type", "key", "charge_id", "bank_amount", "ledger_amount", "explanation");
        for (Reconciliation.ReconciledItem i : r.items()) {
            row(out, i.outcome(), i.type(), i.key(), i.chargeId(), i.bankAmount(), i.ledgerAmount(), i.explanation());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Object... cells) {
        out.append(Stream.of(cells).map(SettlementCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ would be read as a formula by a spreadsheet: quote it with a leading apostrophe.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+")) {
            text = "'" + text;
        }
        return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
