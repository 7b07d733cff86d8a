package com.platepay.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A site's business day: the totals from the ledger (approved, refunded; reversed from the charges, since a reversed
 * charge never reached the ledger), the fee, the bank's own totals from its settlement file, and every line of both
 * sides reconciled. {@code reconciled} holds when no item is a difference. {@code closedAt} is set once the day is closed.
 */
public record SettlementReport(UUID siteId, UUID operatorId, String siteName, LocalDate businessDay, String timeZone, Instant from, Instant to,
                               String currency, LedgerTotals ledger, BankTotals bank, long fees, long net, boolean reconciled,
                               int matched, int differences, boolean dayOver, String status, Instant closedAt,
                               String closedBy, List<Reconciliation.ReconciledItem> items) {

    public record LedgerTotals(long approved, int approvedCount, long refunded, int refundedCount, long reversed, int reversedCount) {
    }

    public record BankTotals(long debits, long reversals, long refunds, int lines) {
    }
}
