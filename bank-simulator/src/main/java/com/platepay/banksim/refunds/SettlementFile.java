package com.platepay.banksim.refunds;

import com.platepay.banksim.debits.DebitRecord;
import com.platepay.banksim.debits.DebitStatus;
import com.platepay.banksim.state.BankStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bank's own record of one merchant's business day, as an acquirer sends it for reconciliation: every approved
 * debit made that day, every reversal and every refund that happened that day, each with the client's idempotency
 * key. The day is the merchant's local day in the zone the caller names.
 */
public final class SettlementFile {

    public enum LineType { DEBIT, REVERSAL, REFUND }

    /** {@code debitKey} is the refunded debit's key, for REFUND lines. */
    public record Line(LineType type, String key, String debitKey, long amount, String currency, Instant at, String bankReference) {
    }

    public record Day(String merchantId, LocalDate date, ZoneId zone, List<Line> lines) {
        public long total(LineType type) {
            return lines.stream().filter(l -> l.type() == type).mapToLong(Line::amount).sum();
        }
    }

    private final BankStore store;
    private final RefundService refunds;

    public SettlementFile(BankStore store, RefundService refunds) {
        this.store = store;
        this.refunds = refunds;
    }

    public Day of(String merchantId, LocalDate date, ZoneId zone) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Line> lines = new ArrayList<>();
        for (DebitRecord d : store.debits().values()) {
            if (!merchantId.equals(d.merchantId()) || d.originalStatus() != DebitStatus.APPROVED) {
                continue;
            }
            if (within(d.createdAt(), from, to)) {
                lines.add(new Line(LineType.DEBIT, d.idempotencyKey(), null, d.amount(), d.currency(), d.createdAt(), d.debitId()));
            }
            if (d.status() == DebitStatus.REVERSED && within(d.reversedAt(), from, to)) {
                lines.add(new Line(LineType.REVERSAL, d.idempotencyKey(), null, d.amount(), d.currency(), d.reversedAt(), d.debitId()));
            }
        }
        for (RefundRecord r : refunds.all()) {
            if (merchantId.equals(r.merchantId()) && r.status() == RefundRecord.Status.SUCCEEDED && within(r.createdAt(), from, to)) {
                lines.add(new Line(LineType.REFUND, r.idempotencyKey(), r.debitKey(), r.amount(), r.currency(), r.createdAt(), r.refundId()));
            }
        }
        lines.sort(Comparator.comparing(Line::at).thenComparing(Line::key));
        return new Day(merchantId, date, zone, lines);
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }
}
