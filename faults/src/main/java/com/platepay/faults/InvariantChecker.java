package com.platepay.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The exactly-once invariants, checked on what was observed. Pure: it reads {@link Observations} only, so a
 * crafted broken state proves that each check really fails.
 */
final class InvariantChecker {
    static final int EXAMPLES = 5;

    private InvariantChecker() {
    }

    static List<Verdict> check(Observations o) {
        return List.of(oneFinalOutcome(o), bankMatchesApproved(o), noMoneyForUnapproved(o), ledgerBalances(o),
                nothingLeftInFlight(o), capsHold(o), holdsEnd(o));
    }

    /**
     * Every hold ends, on both sides, and the money a completion took is its charge's: no PlatePay hold is left
     * in flight after the janitor, none is left HELD at the bank (funds locked on a driver's card), a completion at
     * the bank is PlatePay's completed hold for the same amount, and a completed hold's charge is APPROVED for what
     * it captured. (The completion's debit is one of the bank's debits, so the money invariants above count it too.)
     */
    static Verdict holdsEnd(Observations o) {
        List<String> examples = new ArrayList<>();
        Map<String, HoldRow> ours = o.holds().stream().collect(Collectors.toMap(HoldRow::id, Function.identity(), (a, b) -> a));
        Map<String, ChargeRow> charges = o.charges().stream().collect(Collectors.toMap(ChargeRow::id, Function.identity(), (a, b) -> a));
        int inFlight = 0;
        int completed = 0;
        int chargeDiffers = 0;
        for (HoldRow h : o.holds()) {
            if (HoldRow.UNSETTLED.contains(h.status())) {
                inFlight++;
                note(examples, "hold " + h.id() + " still " + h.status());
            }
            if ("COMPLETED".equals(h.status())) {
                completed++;
                ChargeRow c = h.chargeId() == null ? null : charges.get(h.chargeId());
                if (c == null || !c.approved() || h.captured() == null || c.amount() != h.captured()) {
                    chargeDiffers++;
                    note(examples, "hold " + h.id() + " completed for " + h.captured() + " fen, its charge "
                            + (c == null ? "missing" : c.status() + " " + c.amount() + " fen"));
                }
            }
        }
        int stillHeld = 0;
        int bankOnly = 0;
        for (BankHold b : o.bankHolds()) {
            HoldRow h = ours.get(b.idempotencyKey());
            if ("HELD".equals(b.status())) {
                stillHeld++;
                note(examples, "bank still holds " + b.amount() + " fen under " + b.idempotencyKey() + " (PlatePay: "
                        + (h == null ? "no such hold" : h.status()) + ")");
            } else if ("COMPLETED".equals(b.status()) && (h == null || !"COMPLETED".equals(h.status())
                    || !java.util.Objects.equals(h.captured(), b.captured()))) {
                bankOnly++;
                note(examples, "bank completed " + b.captured() + " fen under " + b.idempotencyKey() + ", PlatePay's hold "
                        + (h == null ? "missing" : h.status() + " " + h.captured()));
            }
        }
        boolean holds = inFlight == 0 && chargeDiffers == 0 && stillHeld == 0 && bankOnly == 0;
        String figure = String.format("%d holds (%d completed), %d at the bank; in flight %d, completed but charge differs %d, "
                + "left HELD at the bank %d, completed at the bank but not so in PlatePay %d", o.holds().size(), completed,
                o.bankHolds().size(), inFlight, chargeDiffers, stillHeld, bankOnly);
        return new Verdict("every hold ends, and a completion is its charge's", holds, figure, examples, List.of());
    }

    /** Every charge id has exactly one record, a final answer, and the answers agree with the database. */
    static Verdict oneFinalOutcome(Observations o) {
        Map<String, List<ChargeRow>> rows = o.charges().stream().collect(Collectors.groupingBy(ChargeRow::key));
        List<String> examples = new ArrayList<>();
        int duplicated = 0;
        for (var e : rows.entrySet()) {
            if (e.getValue().size() > 1) {
                duplicated++;
                note(examples, "recorded " + e.getValue().size() + " times: " + e.getKey());
            }
        }
        int unanswered = 0;
        int disagree = 0;
        int conflicting = 0;
        int agreeing = 0;
        Set<String> sentKeys = new java.util.HashSet<>();
        for (HandheldLog.Entry h : o.handhelds()) {
            String key = ChargeRow.key(h.deviceId(), h.charge().chargeId());
            sentKeys.add(key);
            List<ChargeRow> found = rows.getOrDefault(key, List.of());
            ChargeRow row = found.isEmpty() ? null : found.get(0);
            Set<String> finalStatuses = h.allAnswers().stream().filter(Answer::isFinal).map(Answer::status)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (finalStatuses.size() > 1) {
                conflicting++;
                note(examples, "handheld heard " + finalStatuses + " for " + key);
            }
            if (h.finalAnswer() == null) {
                unanswered++;
                note(examples, "no final answer after " + h.attempts() + " sends: " + key + (row == null ? " (no record)" : " (record " + row.status() + ")"));
                continue;
            }
            String why = disagreement(h.finalAnswer(), row);
            if (why != null) {
                disagree++;
                note(examples, why + ": " + key);
            } else if (found.size() <= 1 && finalStatuses.size() <= 1) {
                agreeing++;
            }
        }
        int phantom = 0;
        for (String key : rows.keySet()) {
            if (!sentKeys.contains(key)) {
                phantom++;
                note(examples, "a record no handheld sent: " + key);
            }
        }
        boolean holds = duplicated == 0 && unanswered == 0 && disagree == 0 && conflicting == 0 && phantom == 0;
        String figure = String.format("%d charge ids sent; %d with one record and final answers that agree; "
                        + "recorded twice %d, unanswered %d, answer differs from record %d, conflicting answers %d, records nobody sent %d",
                o.handhelds().size(), agreeing, duplicated, unanswered, disagree, conflicting, phantom);
        return new Verdict("every charge id has exactly one final outcome", holds, figure, examples, List.of());
    }

    /** Null when the handheld's final answer fits the database's final state. */
    private static String disagreement(Answer answer, ChargeRow row) {
        switch (answer.status()) {
            case "APPROVED" -> {
                return row == null ? "APPROVED without a record" : row.approved() ? null : "handheld APPROVED, record " + row.status();
            }
            case "DECLINED" -> {
                if (row == null) {
                    return "DECLINED without a record";
                }
                return row.approved() ? "handheld DECLINED (attendant took another payment), record APPROVED" : null;
            }
            case "REJECTED" -> {
                return row == null ? null : "handheld REJECTED/" + answer.reasonCode() + ", record " + row.status();
            }
            default -> {
                return "unknown result status " + answer.status();
            }
        }
    }

    /** The bank's standing debits are the approved charges, one for one, to the fen. */
    static Verdict bankMatchesApproved(Observations o) {
        Map<String, ChargeRow> approved = o.charges().stream().filter(ChargeRow::approved)
                .collect(Collectors.toMap(ChargeRow::id, Function.identity(), (a, b) -> a));
        Map<String, BankDebit> standing = o.bankDebits().stream().filter(BankDebit::moneyMoved)
                .collect(Collectors.toMap(BankDebit::idempotencyKey, Function.identity(), (a, b) -> a));
        List<String> examples = new ArrayList<>();
        int missing = 0;
        int amountDiffers = 0;
        for (ChargeRow c : approved.values()) {
            BankDebit d = standing.get(c.id());
            if (d == null) {
                missing++;
                note(examples, "APPROVED charge " + c.id() + " (" + c.amount() + " fen) has no standing debit at the bank");
            } else if (d.amount() != c.amount()) {
                amountDiffers++;
                note(examples, "charge " + c.id() + ": " + c.amount() + " fen approved, bank debited " + d.amount());
            }
        }
        // A charge a person must look at (REVERSAL_FAILED) is reported apart: its money is known to be standing.
        Set<String> reversalFailed = o.charges().stream().filter(c -> ChargeRow.REVERSAL_FAILED.equals(c.status()))
                .map(ChargeRow::id).collect(Collectors.toSet());
        List<String> attention = new ArrayList<>();
        long notApproved = 0;
        long flagged = 0;
        long approvedSum = approved.values().stream().mapToLong(ChargeRow::amount).sum();
        long bankSum = 0;
        for (BankDebit d : standing.values()) {
            if (reversalFailed.contains(d.idempotencyKey())) {
                flagged++;
                note(attention, d.amount() + " fen standing for REVERSAL_FAILED charge " + d.idempotencyKey());
                continue;
            }
            bankSum += d.amount();
            if (!approved.containsKey(d.idempotencyKey())) {
                notApproved++;
            }
        }
        // One charge id of a device debited under two of our rows is money taken twice, even if each row is APPROVED.
        Map<String, ChargeRow> byId = o.charges().stream().collect(Collectors.toMap(ChargeRow::id, Function.identity(), (a, b) -> a));
        Map<String, Long> debitsPerCharge = standing.keySet().stream().filter(byId::containsKey)
                .collect(Collectors.groupingBy(k -> byId.get(k).key(), Collectors.counting()));
        long debitedTwice = 0;
        for (var e : debitsPerCharge.entrySet()) {
            if (e.getValue() > 1) {
                debitedTwice++;
                note(examples, "charge " + e.getKey() + " has " + e.getValue() + " standing debits");
            }
        }
        boolean holds = missing == 0 && amountDiffers == 0 && notApproved == 0 && debitedTwice == 0 && approvedSum == bankSum;
        String figure = String.format("approved %d charges = %s; bank's standing debits %d = %s; approved without a debit %d, "
                        + "amount differs %d, standing debits not approved %d, charge ids debited more than once %d",
                approved.size(), Money.cny(approvedSum), standing.size() - flagged, Money.cny(bankSum), missing,
                amountDiffers, notApproved, debitedTwice);
        return new Verdict("bank's debits equal the approved charges", holds, figure, examples, attention);
    }

    /** No money stays moved for a charge that ended without approval; REVERSAL_FAILED is flagged for a person. */
    static Verdict noMoneyForUnapproved(Observations o) {
        Map<String, ChargeRow> byId = o.charges().stream().collect(Collectors.toMap(ChargeRow::id, Function.identity(), (a, b) -> a));
        List<String> examples = new ArrayList<>();
        List<String> attention = new ArrayList<>();
        int moved = 0;
        long movedSum = 0;
        int flagged = 0;
        for (BankDebit d : o.bankDebits()) {
            if (!d.moneyMoved()) {
                continue;
            }
            ChargeRow c = byId.get(d.idempotencyKey());
            if (c != null && c.approved()) {
                continue;
            }
            if (c != null && ChargeRow.REVERSAL_FAILED.equals(c.status())) {
                flagged++;
                note(attention, "REVERSAL_FAILED with " + d.amount() + " fen still debited: charge " + c.id());
                continue;
            }
            moved++;
            movedSum += d.amount();
            note(examples, d.amount() + " fen debited for " + (c == null ? "no charge at all (key " + d.idempotencyKey() + ")"
                    : "charge " + c.id() + " that ended " + c.status() + "/" + c.reasonCode()));
        }
        long reversalFailed = o.charges().stream().filter(c -> ChargeRow.REVERSAL_FAILED.equals(c.status())).count();
        if (reversalFailed > flagged) {
            note(attention, (reversalFailed - flagged) + " charge(s) REVERSAL_FAILED with no money standing at the bank");
        }
        String figure = String.format("debits standing for charges not approved: %d = %s; REVERSAL_FAILED (a person must look): %d, "
                + "of them with money standing %d", moved, Money.cny(movedSum), reversalFailed, flagged);
        return new Verdict("no money left moved for unapproved charges", moved == 0, figure, examples, attention);
    }

    /** Every posting sums to zero, and the receivable carries exactly the approved charges. */
    static Verdict ledgerBalances(Observations o) {
        LedgerFacts l = o.ledger();
        List<String> examples = new ArrayList<>();
        l.unbalancedPostings().forEach(p -> note(examples, "posting does not balance: " + p));
        int wrongPostings = 0;
        int wrongReceivable = 0;
        for (ChargeRow c : o.charges()) {
            int postings = l.approvedPostingsByCharge().getOrDefault(c.id(), 0);
            long receivable = l.receivableByCharge().getOrDefault(c.id(), 0L);
            int expectedPostings = c.approved() ? 1 : 0;
            long expectedReceivable = c.approved() ? c.amount() : 0;
            if (postings != expectedPostings) {
                wrongPostings++;
                note(examples, "charge " + c.id() + " (" + c.status() + ") has " + postings + " CHARGE_APPROVED postings");
            }
            if (receivable != expectedReceivable) {
                wrongReceivable++;
                note(examples, "charge " + c.id() + " (" + c.status() + "): receivable " + receivable + " fen, expected " + expectedReceivable);
            }
        }
        boolean holds = l.unbalancedPostings().isEmpty() && l.totalOfAllEntries() == 0 && wrongPostings == 0 && wrongReceivable == 0;
        String figure = String.format("sum of all entries %d fen; unbalanced postings %d; charges with a wrong number of approval "
                + "postings %d; receivable differs from the charge %d", l.totalOfAllEntries(), l.unbalancedPostings().size(),
                wrongPostings, wrongReceivable);
        return new Verdict("the ledger sums to zero", holds, figure, examples, List.of());
    }

    /** After the janitor's bound nothing is RECEIVED, AUTHORIZING or UNKNOWN. */
    static Verdict nothingLeftInFlight(Observations o) {
        List<String> examples = new ArrayList<>();
        Map<String, Integer> left = new java.util.TreeMap<>();
        for (ChargeRow c : o.charges()) {
            if (ChargeRow.UNSETTLED.contains(c.status())) {
                left.merge(c.status(), 1, Integer::sum);
                note(examples, c.status() + ": charge " + c.id());
            }
        }
        int total = left.values().stream().mapToInt(Integer::intValue).sum();
        String figure = String.format("%d left%s after waiting %.0f s for the janitor (bound %.0f s)", total,
                left.isEmpty() ? "" : " " + left, o.settleSeconds(), o.settleBoundSeconds());
        return new Verdict("nothing left UNKNOWN or AUTHORIZING", total == 0, figure, examples, List.of());
    }

    /** The server's per-person limit (platepay.limits.max-daily-per-driver), which the suite leaves at its default. */
    static final long DRIVER_DAILY_LIMIT = 100_000;

    /**
     * Approved amounts per business day never pass a daily cap: per mandate its own cap; per physical card (pan
     * fingerprint) the largest cap among the mandates that charged it (each charge must fit the card's total under
     * its own mandate's cap); per driver the platform's per-person limit.
     */
    static Verdict capsHold(Observations o) {
        List<ChargeRow> approved = o.charges().stream().filter(ChargeRow::approved).toList();
        List<String> examples = new ArrayList<>();
        CapGroup mandates = CapGroup.of("mandate", approved, ChargeRow::mandateId, ChargeRow::dailyCap, examples);
        CapGroup cards = CapGroup.of("card", approved, ChargeRow::panFingerprint, ChargeRow::dailyCap, examples);
        CapGroup drivers = CapGroup.of("driver", approved, ChargeRow::driverId, c -> DRIVER_DAILY_LIMIT, examples);
        boolean holds = mandates.overruns == 0 && cards.overruns == 0 && drivers.overruns == 0;
        String figure = String.format("overruns: mandate-days %d of %d, card-days %d of %d, driver-days %d of %d; "
                        + "highest use of a cap: mandate %.0f %%, card %.0f %%, driver %.0f %%",
                mandates.overruns, mandates.groups, cards.overruns, cards.groups, drivers.overruns, drivers.groups,
                mandates.highestUse * 100, cards.highestUse * 100, drivers.highestUse * 100);
        return new Verdict("no daily cap overrun (per mandate, card, driver)", holds, figure, examples, List.of());
    }

    /** Sums per (owner, business day) against the largest limit among the charges counted. */
    private record CapGroup(int groups, int overruns, double highestUse) {
        static CapGroup of(String what, List<ChargeRow> approved, Function<ChargeRow, String> owner,
                           Function<ChargeRow, Long> limit, List<String> examples) {
            Map<String, long[]> sums = new HashMap<>();
            for (ChargeRow c : approved) {
                long cap = limit.apply(c) == null ? 0 : limit.apply(c);
                long[] s = sums.computeIfAbsent(owner.apply(c) + " on " + c.businessDay(), k -> new long[2]);
                s[0] += c.amount();
                s[1] = Math.max(s[1], cap);
            }
            int overruns = 0;
            double highest = 0;
            for (var e : sums.entrySet()) {
                long sum = e.getValue()[0];
                long cap = e.getValue()[1];
                double use = cap == 0 ? Double.POSITIVE_INFINITY : (double) sum / cap;
                highest = Math.max(highest, use);
                if (sum > cap) {
                    overruns++;
                    note(examples, what + " " + e.getKey() + ": approved " + Money.cny(sum) + " over a daily cap of " + Money.cny(cap));
                }
            }
            return new CapGroup(sums.size(), overruns, highest);
        }
    }

    private static void note(List<String> list, String example) {
        if (list.size() < EXAMPLES) {
            list.add(example);
        }
    }
}
