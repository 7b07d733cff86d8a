package com.platepay.faults;

import com.platepay.protocol.offline.Vouchers;
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
                nothingLeftInFlight(o), capsHold(o), holdsEnd(o), vouchersEndOnce(o));
    }

    /** The charge key ({@link ChargeRow#key}) each voucher the fleet issued is debited under, by the voucher's key. */
    static Map<String, String> voucherChargeKeys(Observations o) {
        Map<String, String> keys = new HashMap<>();
        for (HandheldLog.VoucherEntry v : o.vouchers()) {
            keys.put(v.key(), ChargeRow.key(v.deviceId(), Vouchers.chargeId(v.deviceId(), v.counter())));
        }
        return keys;
    }

    /**
     * Every voucher the fleet issued ends in exactly one final state on the server, and it is what the money says:
     * stored once under (device, counter), PAID with its one APPROVED charge for the voucher's amount (the charge under
     * the id derived from device and counter, named by the voucher), or ARREARS with no approved charge; nothing left
     * RECEIVED, none lost, none the fleet never issued, every answer the device heard the server's final one, and the
     * server stored each device's vouchers in counter order whatever its clock said.
     */
    static Verdict vouchersEndOnce(Observations o) {
        List<String> examples = new ArrayList<>();
        Map<String, List<VoucherRow>> rows = o.serverVouchers().stream().collect(Collectors.groupingBy(VoucherRow::key));
        Map<String, List<ChargeRow>> charges = o.charges().stream().collect(Collectors.groupingBy(ChargeRow::key));
        Map<String, String> chargeKeys = voucherChargeKeys(o);
        int paid = 0;
        int arrears = 0;
        int lost = 0;
        int notFinal = 0;
        int storedTwice = 0;
        int chargedTwice = 0;
        int paidWrong = 0;
        int arrearsCharged = 0;
        int unanswered = 0;
        int heardOther = 0;
        for (HandheldLog.VoucherEntry v : o.vouchers()) {
            List<VoucherRow> found = rows.getOrDefault(v.key(), List.of());
            Set<String> heard = new TreeSet<>(v.heard());
            if (v.finalStatus() == null) {
                unanswered++;
                note(examples, "voucher " + v.key() + ": no final answer on the device after " + v.uploads() + " uploads");
            }
            if (found.isEmpty()) {
                lost++;
                note(examples, "voucher " + v.key() + " (" + v.amount() + " fen) issued but not on the server");
                continue;
            }
            if (found.size() > 1) {
                storedTwice++;
                note(examples, "voucher " + v.key() + " stored " + found.size() + " times");
            }
            VoucherRow row = found.get(0);
            List<ChargeRow> its = charges.getOrDefault(chargeKeys.get(v.key()), List.of());
            if (its.size() > 1) {
                chargedTwice++;
                note(examples, "voucher " + v.key() + " has " + its.size() + " charges");
            }
            ChargeRow charge = its.isEmpty() ? null : its.get(0);
            switch (row.status()) {
                case "PAID" -> {
                    paid++;
                    if (charge == null || !charge.approved() || charge.amount() != v.amount() || row.amount() != v.amount()
                            || !charge.id().equals(row.chargeId())) {
                        paidWrong++;
                        note(examples, "voucher " + v.key() + " PAID " + v.amount() + " fen, its charge " + (charge == null ? "missing"
                                : charge.status() + " " + charge.amount() + " fen" + (charge.id().equals(row.chargeId()) ? "" : " (not the one it names)")));
                    }
                }
                case "ARREARS" -> {
                    arrears++;
                    if (charge != null && charge.approved()) {
                        arrearsCharged++;
                        note(examples, "voucher " + v.key() + " ARREARS but its charge is APPROVED (" + charge.amount() + " fen taken)");
                    }
                }
                default -> {
                    notFinal++;
                    note(examples, "voucher " + v.key() + " still " + row.status() + " on the server");
                }
            }
            if (heard.size() > 1 || !heard.isEmpty() && !heard.contains(row.status()) || v.finalStatus() != null && !v.finalStatus().equals(row.status())) {
                heardOther++;
                note(examples, "voucher " + v.key() + ": the device heard " + heard + ", the server says " + row.status());
            }
        }
        Set<String> issued = o.vouchers().stream().map(HandheldLog.VoucherEntry::key).collect(Collectors.toSet());
        long nobodyIssued = rows.keySet().stream().filter(k -> !issued.contains(k)).peek(k -> note(examples, "a voucher nobody issued: " + k)).count();
        int outOfOrder = 0;
        for (List<VoucherRow> device : o.serverVouchers().stream().collect(Collectors.groupingBy(VoucherRow::deviceId)).values()) {
            List<VoucherRow> byCounter = device.stream().sorted(java.util.Comparator.comparingLong(VoucherRow::counter)).toList();
            for (int i = 1; i < byCounter.size(); i++) {
                if (byCounter.get(i).storedAt().isBefore(byCounter.get(i - 1).storedAt())) {
                    outOfOrder++;
                    note(examples, "voucher " + byCounter.get(i).key() + " stored before " + byCounter.get(i - 1).key());
                }
            }
        }
        long devices = o.vouchers().stream().map(HandheldLog.VoucherEntry::deviceId).distinct().count();
        boolean holds = lost == 0 && notFinal == 0 && storedTwice == 0 && chargedTwice == 0 && paidWrong == 0 && arrearsCharged == 0
                && unanswered == 0 && heardOther == 0 && nobodyIssued == 0 && outOfOrder == 0;
        String figure = String.format("%d vouchers issued by %d handhelds (%d by a jumped device clock, %d of them dated before a "
                        + "lower counter; %d uploaded again after settling; %d with an upload unanswered at a server SIGKILL); on the server "
                        + "%d PAID, %d ARREARS; lost %d, not final %d, stored twice %d, charged twice %d, PAID without its approved charge "
                        + "for the amount %d, ARREARS with money taken %d, stored out of counter order %d, no final answer on the device %d, "
                        + "device heard another answer %d, vouchers nobody issued %d",
                o.vouchers().size(), devices, o.vouchers().stream().filter(HandheldLog.VoucherEntry::clockJumped).count(), datedBeforeLower(o),
                o.vouchers().stream().filter(HandheldLog.VoucherEntry::uploadedAgain).count(),
                o.vouchers().stream().filter(HandheldLog.VoucherEntry::acrossKill).count(), paid, arrears, lost, notFinal, storedTwice,
                chargedTwice, paidWrong, arrearsCharged, outOfOrder, unanswered, heardOther, nobodyIssued);
        return new Verdict("every voucher ends once (charged once, or arrears)", holds, figure, examples, List.of());
    }

    /** Vouchers whose device clock dated them before a voucher with a lower counter of the same device (a backward jump). */
    private static long datedBeforeLower(Observations o) {
        long n = 0;
        for (List<HandheldLog.VoucherEntry> device : o.vouchers().stream().collect(Collectors.groupingBy(HandheldLog.VoucherEntry::deviceId)).values()) {
            java.time.Instant latest = null;
            for (HandheldLog.VoucherEntry v : device.stream().sorted(java.util.Comparator.comparingLong(HandheldLog.VoucherEntry::counter)).toList()) {
                if (latest != null && v.capturedAt().isBefore(latest)) {
                    n++;
                }
                latest = latest == null || v.capturedAt().isAfter(latest) ? v.capturedAt() : latest;
            }
        }
        return n;
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
        // A voucher's charge was sent by no handheld as a charge: it is recognised by the voucher the fleet issued (the id
        // derived from device and counter), and only then; every other record must be one a handheld sent.
        Set<String> voucherCharges = new java.util.HashSet<>(voucherChargeKeys(o).values());
        int phantom = 0;
        int fromVouchers = 0;
        for (String key : rows.keySet()) {
            if (voucherCharges.contains(key)) {
                fromVouchers++;
            } else if (!sentKeys.contains(key)) {
                phantom++;
                note(examples, "a record no handheld sent: " + key);
            }
        }
        boolean holds = duplicated == 0 && unanswered == 0 && disagree == 0 && conflicting == 0 && phantom == 0;
        String figure = String.format("%d charge ids sent; %d with one record and final answers that agree; "
                        + "recorded twice %d, unanswered %d, answer differs from record %d, conflicting answers %d, records nobody sent %d "
                        + "(besides %d charges of vouchers the fleet issued)",
                o.handhelds().size(), agreeing, duplicated, unanswered, disagree, conflicting, phantom, fromVouchers);
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
        Set<String> voucherCharges = new java.util.HashSet<>(voucherChargeKeys(o).values());
        long fromVouchers = approved.values().stream().filter(c -> voucherCharges.contains(c.key())).count();
        String figure = String.format("approved %d charges (%d of them vouchers') = %s; bank's standing debits %d = %s; approved without a debit %d, "
                        + "amount differs %d, standing debits not approved %d, charge ids debited more than once %d",
                approved.size(), fromVouchers, Money.cny(approvedSum), standing.size() - flagged, Money.cny(bankSum), missing,
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
