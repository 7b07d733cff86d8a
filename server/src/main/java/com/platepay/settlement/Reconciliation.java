package com.platepay.settlement;

import com.platepay.bank.BankDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Matches a site's day in the ledger against the bank's settlement file, line by line, by the idempotency keys both
 * sides share (a charge's id for debits and reversals, a refund's id for refunds). Every line of either side ends in
 * exactly one {@link ReconciledItem}: matched, or a difference with its explanation. Pure: the facts come in, the items go out.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** What a ledger line records: an approval or a refund of a charge (amount positive). */
    public record LedgerLine(String kind, UUID chargeId, UUID refundId, long amount) {
        String key() {
            return refundId != null ? refundId.toString() : chargeId.toString();
        }
    }

    /** What PlatePay knows of a key the bank names: the charge's status, or a refund's status. */
    public record Known(String status, String approvedOn) {
    }

    public enum ReconciliationOutcome {
        /** Both sides hold it with the same amount. */
        MATCHED,
        /** The bank debited and reversed it this day, and the charge is REVERSED: no money moved, nothing in the ledger. */
        REVERSED_SAME_DAY,
        /** The bank has it; the ledger does not. */
        BANK_HAS_LEDGER_LACKS,
        /** The ledger has it; the bank's file does not. */
        LEDGER_HAS_BANK_LACKS,
        /** Both have it, for different amounts. */
        AMOUNT_MISMATCH;

        public boolean difference() {
            return this != MATCHED && this != REVERSED_SAME_DAY;
        }
    }

    /** One reconciled line: {@code bankAmount}/{@code ledgerAmount} null where that side has nothing. */
    public record ReconciledItem(ReconciliationOutcome outcome, String type, String key, UUID chargeId, Long bankAmount, Long ledgerAmount,
                       String explanation) {
    }

    /**
     * @param known what PlatePay holds of every key in the bank's file (charges by id, refunds by id); absent: unknown
     */
    public static List<ReconciledItem> reconcile(List<LedgerLine> ledger, BankDay bank, Map<String, Known> known) {
        Map<String, LedgerLine> approvals = new LinkedHashMap<>();
        Map<String, LedgerLine> refunds = new LinkedHashMap<>();
        for (LedgerLine l : ledger) {
            (l.refundId() != null ? refunds : approvals).merge(l.key(), l,
                    (a, b) -> new LedgerLine(a.kind(), a.chargeId(), a.refundId(), a.amount() + b.amount()));
        }
        Map<String, BankDay.Line> debits = new LinkedHashMap<>();
        Map<String, BankDay.Line> reversals = new LinkedHashMap<>();
        Map<String, BankDay.Line> bankRefunds = new LinkedHashMap<>();
        for (BankDay.Line l : bank.lines()) {
            switch (l.type()) {
                case DEBIT -> debits.put(l.key(), l);
                case REVERSAL -> reversals.put(l.key(), l);
                case REFUND -> bankRefunds.put(l.key(), l);
                default -> throw new IllegalArgumentException(l.type().name());
            }
        }
        List<ReconciledItem> items = new ArrayList<>();
        Set<String> usedApprovals = new HashSet<>();

        for (BankDay.Line d : debits.values()) {
            LedgerLine ours = approvals.get(d.key());
            BankDay.Line reversal = reversals.remove(d.key());
            Known k = known.get(d.key());
            UUID charge = uuid(d.key());
            if (reversal != null && ours == null) {
                if (k != null && k.status().equals("REVERSED")) {
                    items.add(new ReconciledItem(ReconciliationOutcome.REVERSED_SAME_DAY, "DEBIT", d.key(), charge, d.amount(), null,
                            "debited and reversed at the bank this day; the charge is REVERSED, so nothing is owed"));
                } else {
                    items.add(new ReconciledItem(ReconciliationOutcome.BANK_HAS_LEDGER_LACKS, "DEBIT", d.key(), charge, d.amount(), null,
                            "debited and reversed at the bank this day, but PlatePay " + (k == null ? "has no such charge"
                                    : "holds the charge as " + k.status())));
                }
                continue;
            }
            if (ours == null) {
                items.add(new ReconciledItem(ReconciliationOutcome.BANK_HAS_LEDGER_LACKS, "DEBIT", d.key(), charge, d.amount(), null, whyBankOnly(k)));
            } else {
                usedApprovals.add(d.key());
                items.add(ours.amount() == d.amount()
                        ? new ReconciledItem(ReconciliationOutcome.MATCHED, "DEBIT", d.key(), charge, d.amount(), ours.amount(), "approved on both sides")
                        : new ReconciledItem(ReconciliationOutcome.AMOUNT_MISMATCH, "DEBIT", d.key(), charge, d.amount(), ours.amount(),
                                "the bank debited " + d.amount() + ", the ledger approved " + ours.amount()));
            }
            if (reversal != null) {
                items.add(new ReconciledItem(ReconciliationOutcome.BANK_HAS_LEDGER_LACKS, "REVERSAL", d.key(), charge, reversal.amount(), null,
                        "the bank reversed a debit the ledger holds as approved"));
            }
        }
        for (BankDay.Line r : reversals.values()) {
            Known k = known.get(r.key());
            items.add(new ReconciledItem(ReconciliationOutcome.BANK_HAS_LEDGER_LACKS, "REVERSAL", r.key(), uuid(r.key()), r.amount(), null,
                    "a reversal this day of a debit of an earlier day; PlatePay " + (k == null ? "has no such charge"
                            : "holds the charge as " + k.status())));
        }
        for (LedgerLine a : approvals.values()) {
            if (!usedApprovals.contains(a.key())) {
                items.add(new ReconciledItem(ReconciliationOutcome.LEDGER_HAS_BANK_LACKS, "DEBIT", a.key(), a.chargeId(), null, a.amount(),
                        "the ledger records an approval, but the bank's file has no debit under this charge's key on this day"));
            }
        }
        for (BankDay.Line r : bankRefunds.values()) {
            LedgerLine ours = refunds.remove(r.key());
            UUID charge = uuid(r.debitKey());
            if (ours == null) {
                Known k = known.get(r.key());
                items.add(new ReconciledItem(ReconciliationOutcome.BANK_HAS_LEDGER_LACKS, "REFUND", r.key(), charge, r.amount(), null,
                        k == null ? "a refund PlatePay never asked for"
                                : "the bank refunded it, but PlatePay holds the refund as " + k.status() + ": retry it to record the answer"));
            } else {
                items.add(ours.amount() == r.amount()
                        ? new ReconciledItem(ReconciliationOutcome.MATCHED, "REFUND", r.key(), charge, r.amount(), ours.amount(), "refunded on both sides")
                        : new ReconciledItem(ReconciliationOutcome.AMOUNT_MISMATCH, "REFUND", r.key(), charge, r.amount(), ours.amount(),
                                "the bank refunded " + r.amount() + ", the ledger " + ours.amount()));
            }
        }
        for (LedgerLine r : refunds.values()) {
            items.add(new ReconciledItem(ReconciliationOutcome.LEDGER_HAS_BANK_LACKS, "REFUND", r.key(), r.chargeId(), null, r.amount(),
                    "the ledger records a refund the bank's file does not hold on this day"));
        }
        return items;
    }

    private static String whyBankOnly(Known k) {
        if (k == null) {
            return "a debit PlatePay never asked for: no charge of this site has this key";
        }
        return switch (k.status()) {
            case "UNKNOWN", "AUTHORIZING" -> "the charge is " + k.status() + ": the bank took the money after PlatePay stopped"
                    + " waiting; the janitor reverses it";
            case "REVERSAL_FAILED" -> "the charge is REVERSAL_FAILED: the bank never confirmed the reversal; an admin retries it";
            case "APPROVED" -> "the charge is APPROVED, but its approval is in the ledger on " + k.approvedOn()
                    + " (a debit near midnight)";
            default -> "PlatePay holds the charge as " + k.status() + ", yet the bank debited it";
        };
    }

    private static UUID uuid(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
