package com.platepay.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Double-entry postings. Each posting's entries sum to zero per currency; the database refuses to commit one
 * that does not (a deferred constraint trigger), and refuses to change or delete any.
 */
@ApplicationScoped
public class Ledger {

    /** What the acquirer owes us for approved debits, until settlement (posted by charging.ChargeStore with the approval). */
    public static final String ACQUIRER_RECEIVABLE = "acquirer:receivable";

    public static String operatorPayable(UUID operatorId) {
        return "operator:" + operatorId + ":payable";
    }

    /** Must run inside a transaction. */
    public Uni<LedgerPosting> post(UUID chargeId, String kind, List<LedgerEntry> entries) {
        long sum = entries.stream().mapToLong(e -> e.amount).sum();
        if (sum != 0 || entries.size() < 2) {
            throw new IllegalArgumentException("a posting needs two or more entries that sum to zero, got " + sum);
        }
        LedgerPosting posting = new LedgerPosting();
        posting.id = UUID.randomUUID();
        posting.chargeId = chargeId;
        posting.kind = kind;
        posting.createdAt = Instant.now();
        entries.forEach(e -> e.postingId = posting.id);
        return posting.persist()
                .flatMap(ignored -> LedgerEntry.persist(entries))
                .map(ignored -> posting);
    }

    private static LedgerEntry entry(String account, long amount, String currency) {
        LedgerEntry e = new LedgerEntry();
        e.account = account;
        e.amount = amount;
        e.currency = currency;
        return e;
    }
}
