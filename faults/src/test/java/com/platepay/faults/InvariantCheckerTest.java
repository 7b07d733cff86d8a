package com.platepay.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker on crafted states: a consistent one holds, and each kind of breakage fails its invariant. */
class InvariantCheckerTest {
    static final String DEVICE = "dev-1";
    static final String DAY = "2026-12-02";

    /** A small world: what the handhelds heard, the charges table, the ledger and the bank, all consistent. */
    static final class World {
        final List<HandheldLog.Entry> handhelds = new ArrayList<>();
        final List<ChargeRow> charges = new ArrayList<>();
        final List<BankDebit> debits = new ArrayList<>();
        final List<String> unbalanced = new ArrayList<>();
        final Map<String, Long> receivable = new HashMap<>();
        final Map<String, Integer> approvals = new HashMap<>();
        final List<HoldRow> holds = new ArrayList<>();
        final List<BankHold> bankHolds = new ArrayList<>();
        final List<HandheldLog.VoucherEntry> vouchers = new ArrayList<>();
        final List<VoucherRow> serverVouchers = new ArrayList<>();
        long ledgerTotal;

        /**
         * A voucher the handheld issued and settled as {@code status} (PAID or ARREARS), stored in counter order, with its
         * charge under the id derived from device and counter ended as {@code chargeStatus} (the money to match).
         */
        World voucher(long counter, String status, String chargeStatus, long amount) {
            String ref = com.platepay.protocol.offline.Vouchers.chargeId(DEVICE, counter);
            String id = "id-v" + counter;
            java.time.Instant at = java.time.Instant.parse("2026-12-02T08:00:00Z").plusSeconds(counter);
            vouchers.add(new HandheldLog.VoucherEntry(DEVICE, counter, "黑K00003", amount, at, false, status, List.of(status), 1, false, false));
            serverVouchers.add(new VoucherRow(DEVICE, counter, status, status.equals("PAID") ? "APPROVED" : "OVER_DAILY_CAP", amount, ref, id, at));
            charges.add(new ChargeRow(id, DEVICE, ref, chargeStatus, "APPROVED", amount, DAY, "mandate-C", "d3", "card-C", "fp-C", 5_000L));
            if (chargeStatus.equals("APPROVED")) {
                debits.add(new BankDebit(id, "acc-C", "APPROVED", amount));
                receivable.put(id, amount);
                approvals.put(id, 1);
            }
            return this;
        }

        /** A fill: the hold completed by the APPROVED charge {@code ref} (added before), on both sides. */
        World completedHold(String ref) {
            ChargeRow c = charges.stream().filter(r -> r.chargeRef().equals(ref)).findFirst().orElseThrow();
            holds.add(new HoldRow(c.id(), "COMPLETED", 5_000, c.amount(), c.id()));
            bankHolds.add(new BankHold(c.id(), "acc-A", "COMPLETED", 5_000, c.amount()));
            return this;
        }

        /** A charge the handheld heard {@code answer} for and the database ended as {@code status}. */
        World charge(String ref, String answer, String status, long amount, String card, String driver, long cap) {
            String id = "id-" + ref;
            PlannedCharge planned = new PlannedCharge(ref, 0, "黑K00001", amount);
            Answer a = new Answer(answer, answer.equals("APPROVED") ? "APPROVED" : "BANK_TIMEOUT", amount);
            handhelds.add(new HandheldLog.Entry(planned, DEVICE, a, List.of(a), 1));
            charges.add(new ChargeRow(id, DEVICE, ref, status, a.reasonCode(), amount, DAY, "mandate-" + card + driver, driver,
                    "card-" + card, "fp-" + card, cap));
            if (status.equals("APPROVED")) {
                debits.add(new BankDebit(id, "acc-" + card, "APPROVED", amount));
                receivable.put(id, amount);
                approvals.put(id, 1);
            } else if (status.equals("REVERSED")) {
                debits.add(new BankDebit(id, "acc-" + card, "REVERSED", amount));
            }
            return this;
        }

        Observations observe(double settled) {
            return new Observations(handhelds, charges, new LedgerFacts(unbalanced, ledgerTotal, receivable, approvals), debits,
                    settled, 180, holds, bankHolds, vouchers, serverVouchers);
        }

        Observations observe() {
            return observe(3);
        }
    }

    static World consistent() {
        return new World()
                .charge("c1", "APPROVED", "APPROVED", 1_000, "A", "d1", 5_000)
                .charge("c2", "DECLINED", "REVERSED", 700, "A", "d1", 5_000)
                .charge("c3", "DECLINED", "DECLINED", 300, "B", "d2", 5_000)
                .charge("c4", "APPROVED", "APPROVED", 2_000, "B", "d2", 5_000)
                .completedHold("c4")
                .voucher(1, "PAID", "APPROVED", 1_200)
                .voucher(2, "ARREARS", "DECLINED", 900);
    }

    @Test
    void aConsistentStateHoldsEveryInvariant() {
        List<Verdict> verdicts = InvariantChecker.check(consistent().observe());
        verdicts.forEach(v -> assertTrue(v.holds(), v.invariant() + ": " + v.figure() + " " + v.examples()));
        assertEquals(8, verdicts.size());
    }

    private static Verdict vouchers(World w) {
        return InvariantChecker.vouchersEndOnce(w.observe());
    }

    @Test
    void aVoucherIssuedButNotOnTheServerIsLost() {
        World w = consistent();
        w.serverVouchers.remove(1);
        Verdict v = vouchers(w);
        assertFalse(v.holds());
        assertTrue(v.figure().contains("lost 1"), v.figure());
    }

    @Test
    void aVoucherLeftReceivedOrHeardDifferentlyFails() {
        World w = consistent();
        VoucherRow r = w.serverVouchers.remove(0);
        w.serverVouchers.add(new VoucherRow(r.deviceId(), r.counter(), "RECEIVED", null, r.amount(), r.chargeRef(), null, r.storedAt()));
        Verdict v = vouchers(w);
        assertFalse(v.holds());
        assertTrue(v.figure().contains("not final 1") && v.figure().contains("device heard another answer 1"), v.figure());
    }

    @Test
    void aVoucherChargedTwiceOrInArrearsWithMoneyTakenFails() {
        World w = consistent();
        ChargeRow paid = w.charges.stream().filter(c -> c.id().equals("id-v1")).findFirst().orElseThrow();
        w.charges.add(new ChargeRow("id-v1b", DEVICE, paid.chargeRef().toUpperCase(java.util.Locale.ROOT), "APPROVED", "APPROVED", paid.amount(),
                DAY, "mandate-C", "d3", "card-C", "fp-C", 5_000L));
        Verdict twice = vouchers(w);
        assertFalse(twice.holds());
        assertTrue(twice.figure().contains("charged twice 1"), twice.figure());

        World arrears = consistent();
        arrears.charges.replaceAll(c -> c.id().equals("id-v2") ? new ChargeRow(c.id(), c.deviceId(), c.chargeRef(), "APPROVED", "APPROVED",
                c.amount(), c.businessDay(), c.mandateId(), c.driverId(), c.cardId(), c.panFingerprint(), c.dailyCap()) : c);
        Verdict taken = vouchers(arrears);
        assertFalse(taken.holds());
        assertTrue(taken.figure().contains("ARREARS with money taken 1"), taken.figure());
    }

    @Test
    void aPaidVoucherWithoutItsApprovedChargeFails() {
        World w = consistent();
        w.charges.removeIf(c -> c.id().equals("id-v1"));
        Verdict v = vouchers(w);
        assertFalse(v.holds());
        assertTrue(v.figure().contains("PAID without its approved charge for the amount 1"), v.figure());
    }

    @Test
    void vouchersStoredOutOfCounterOrderFail() {
        World w = consistent();
        VoucherRow first = w.serverVouchers.remove(0);
        w.serverVouchers.add(new VoucherRow(first.deviceId(), first.counter(), first.status(), first.reasonCode(), first.amount(), first.chargeRef(),
                first.chargeId(), first.storedAt().plusSeconds(60)));
        Verdict v = vouchers(w);
        assertFalse(v.holds());
        assertTrue(v.figure().contains("stored out of counter order 1"), v.figure());
    }

    @Test
    void aVoucherNobodyIssuedFailsAndItsChargeIsARecordNobodySent() {
        World w = consistent();
        w.vouchers.remove(1);
        assertFalse(vouchers(w).holds());
        assertTrue(vouchers(w).figure().contains("vouchers nobody issued 1"), vouchers(w).figure());
        // The voucher's charge is recognised only through a voucher the fleet issued: otherwise it is a record nobody sent.
        Verdict charges = InvariantChecker.oneFinalOutcome(w.observe());
        assertFalse(charges.holds());
        assertTrue(charges.figure().contains("records nobody sent 1"), charges.figure());
    }

    @Test
    void aHoldLeftHeldAtTheBankFails() {
        World w = consistent();
        w.holds.add(new HoldRow("h-void", "VOIDED", 3_000, null, null));
        w.bankHolds.add(new BankHold("h-void", "acc-A", "HELD", 3_000, null));
        Verdict v = InvariantChecker.holdsEnd(w.observe());
        assertFalse(v.holds(), v.figure());
        assertTrue(v.figure().contains("left HELD at the bank 1"), v.figure());
    }

    @Test
    void aHoldStillCompletingFails() {
        World w = consistent();
        w.holds.add(new HoldRow("h-stuck", "COMPLETING", 3_000, 1_455L, null));
        w.bankHolds.add(new BankHold("h-stuck", "acc-A", "COMPLETED", 3_000, 1_455L));
        Verdict v = InvariantChecker.holdsEnd(w.observe());
        assertFalse(v.holds(), v.figure());
        assertTrue(v.figure().contains("in flight 1"), v.figure());
        assertTrue(v.figure().contains("completed at the bank but not so in PlatePay 1"), v.figure());
    }

    @Test
    void aHoldCompletedForAnotherAmountThanItsChargeFails() {
        World w = consistent();
        HoldRow h = w.holds.remove(0);
        w.holds.add(new HoldRow(h.id(), "COMPLETED", h.amount(), h.captured() + 1, h.chargeId()));
        Verdict v = InvariantChecker.holdsEnd(w.observe());
        assertFalse(v.holds(), v.figure());
        assertTrue(v.figure().contains("completed but charge differs 1"), v.figure());
    }

    @Test
    void aChargeIdRecordedTwiceInAnotherCaseFails() {
        World w = consistent();
        w.charges.add(new ChargeRow("id-dup", DEVICE, "C1", "DECLINED", "OVER_DAILY_CAP", 1_000, DAY, "m", "d1", "card-A", "fp-A", 5_000L));
        Verdict v = InvariantChecker.oneFinalOutcome(w.observe());
        assertFalse(v.holds());
        assertTrue(v.figure().contains("recorded twice 1"), v.figure());
    }

    @Test
    void oneChargeIdDebitedUnderTwoRowsFailsTheBankCheck() {
        World w = consistent();
        w.charges.add(new ChargeRow("id-c1-upper", DEVICE, "C1", "APPROVED", "APPROVED", 1_000, DAY, "mandate-Ad1", "d1", "card-A",
                "fp-A", 5_000L));
        w.debits.add(new BankDebit("id-c1-upper", "acc-A", "APPROVED", 1_000));
        w.receivable.put("id-c1-upper", 1_000L);
        w.approvals.put("id-c1-upper", 1);
        Verdict v = InvariantChecker.bankMatchesApproved(w.observe());
        assertFalse(v.holds());
        assertTrue(v.figure().contains("charge ids debited more than once 1"), v.figure());
    }

    @Test
    void aDeclineTheDatabaseRecordsAsApprovedFails() {
        World w = new World().charge("c1", "DECLINED", "APPROVED", 1_000, "A", "d1", 5_000);
        Verdict v = InvariantChecker.oneFinalOutcome(w.observe());
        assertFalse(v.holds());
        assertTrue(v.figure().contains("answer differs from record 1"), v.figure());
    }

    @Test
    void aChargeWithoutAFinalAnswerFails() {
        World w = consistent();
        PlannedCharge lost = new PlannedCharge("c9", 0, "黑K00002", 500);
        w.handhelds.add(new HandheldLog.Entry(lost, DEVICE, null, List.of(new Answer("REJECTED", "IN_PROGRESS", 500)), 40));
        Verdict v = InvariantChecker.oneFinalOutcome(w.observe());
        assertFalse(v.holds());
        assertTrue(v.figure().contains("unanswered 1"), v.figure());
    }

    @Test
    void conflictingAnswersForOneChargeFail() {
        World w = new World();
        PlannedCharge c = new PlannedCharge("c1", 0, "黑K00001", 1_000);
        Answer approved = new Answer("APPROVED", "APPROVED", 1_000);
        w.handhelds.add(new HandheldLog.Entry(c, DEVICE, approved, List.of(new Answer("DECLINED", "BANK_TIMEOUT", 1_000), approved), 2));
        w.charges.add(new ChargeRow("id-c1", DEVICE, "c1", "APPROVED", "APPROVED", 1_000, DAY, "m", "d", "k", "fp", 5_000L));
        w.debits.add(new BankDebit("id-c1", "acc", "APPROVED", 1_000));
        assertFalse(InvariantChecker.oneFinalOutcome(w.observe()).holds());
    }

    @Test
    void moneyStandingForAReversedChargeFailsBothMoneyChecks() {
        World w = consistent();
        w.debits.removeIf(d -> d.idempotencyKey().equals("id-c2"));
        w.debits.add(new BankDebit("id-c2", "acc-A", "APPROVED", 700));
        Observations o = w.observe();
        assertFalse(InvariantChecker.noMoneyForUnapproved(o).holds());
        assertFalse(InvariantChecker.bankMatchesApproved(o).holds());
    }

    @Test
    void aDebitForNoChargeAtAllFails() {
        World w = consistent();
        w.debits.add(new BankDebit("stray-key", "acc-A", "APPROVED", 50));
        assertFalse(InvariantChecker.noMoneyForUnapproved(w.observe()).holds());
    }

    @Test
    void anApprovedChargeWithoutItsDebitOrWithAnotherAmountFails() {
        World w = consistent();
        w.debits.removeIf(d -> d.idempotencyKey().equals("id-c1"));
        assertFalse(InvariantChecker.bankMatchesApproved(w.observe()).holds());
        World other = consistent();
        other.debits.replaceAll(d -> d.idempotencyKey().equals("id-c4") ? new BankDebit("id-c4", "acc-B", "APPROVED", 2_001) : d);
        assertFalse(InvariantChecker.bankMatchesApproved(other.observe()).holds());
    }

    @Test
    void reversalFailedIsFlaggedForAPersonNotSilent() {
        World w = consistent();
        w.charges.add(new ChargeRow("id-c5", DEVICE, "c5", "REVERSAL_FAILED", "BANK_TIMEOUT", 900, DAY, "m", "d1", "card-A", "fp-A", 5_000L));
        PlannedCharge c5 = new PlannedCharge("c5", 0, "黑K00001", 900);
        Answer declined = new Answer("DECLINED", "BANK_TIMEOUT", 900);
        w.handhelds.add(new HandheldLog.Entry(c5, DEVICE, declined, List.of(declined), 1));
        w.debits.add(new BankDebit("id-c5", "acc-A", "APPROVED", 900));
        Observations o = w.observe();
        Verdict money = InvariantChecker.noMoneyForUnapproved(o);
        assertTrue(money.holds(), money.figure());
        assertEquals(1, money.attention().size(), money.attention().toString());
        assertTrue(money.figure().contains("REVERSAL_FAILED (a person must look): 1"), money.figure());
        assertTrue(InvariantChecker.bankMatchesApproved(o).holds());
        assertEquals(1, InvariantChecker.bankMatchesApproved(o).attention().size());
    }

    @Test
    void anUnbalancedOrMissingPostingFails() {
        World w = consistent();
        w.unbalanced.add("posting-1 CNY 5");
        w.ledgerTotal = 5;
        assertFalse(InvariantChecker.ledgerBalances(w.observe()).holds());
        World missing = consistent();
        missing.approvals.remove("id-c1");
        missing.receivable.remove("id-c1");
        assertFalse(InvariantChecker.ledgerBalances(missing.observe()).holds());
        World extra = consistent();
        extra.receivable.put("id-c3", 300L);
        assertFalse(InvariantChecker.ledgerBalances(extra.observe()).holds());
    }

    @Test
    void aChargeLeftUnknownOrAuthorizingFails() {
        World w = consistent();
        w.charges.replaceAll(c -> c.id().equals("id-c2")
                ? new ChargeRow(c.id(), c.deviceId(), c.chargeRef(), "UNKNOWN", "BANK_TIMEOUT", c.amount(), c.businessDay(),
                        c.mandateId(), c.driverId(), c.cardId(), c.panFingerprint(), c.dailyCap())
                : c);
        Verdict v = InvariantChecker.nothingLeftInFlight(w.observe(180));
        assertFalse(v.holds());
        assertTrue(v.figure().startsWith("1 left"), v.figure());
    }

    @Test
    void approvedAmountsOverADailyCapFailPerMandateCardAndDriver() {
        World mandate = new World()
                .charge("c1", "APPROVED", "APPROVED", 3_000, "A", "d1", 5_000)
                .charge("c2", "APPROVED", "APPROVED", 2_500, "A", "d1", 5_000);
        Verdict v = InvariantChecker.capsHold(mandate.observe());
        assertFalse(v.holds());
        assertTrue(v.figure().contains("mandate-days 1 of 1"), v.figure());

        // Two mandates, each under its own cap, on one physical card: over the larger cap for the card.
        World card = new World()
                .charge("c1", "APPROVED", "APPROVED", 3_000, "A", "d1", 3_000)
                .charge("c2", "APPROVED", "APPROVED", 4_000, "A", "d2", 5_000);
        Verdict perCard = InvariantChecker.capsHold(card.observe());
        assertFalse(perCard.holds());
        assertTrue(perCard.figure().contains("mandate-days 0 of 2, card-days 1 of 1, driver-days 0 of 2"), perCard.figure());

        // One driver, two cards, each under its cap: over the platform's per-person limit.
        World driver = new World()
                .charge("c1", "APPROVED", "APPROVED", 60_000, "A", "d1", 100_000)
                .charge("c2", "APPROVED", "APPROVED", 60_000, "B", "d1", 100_000);
        Verdict perDriver = InvariantChecker.capsHold(driver.observe());
        assertFalse(perDriver.holds());
        assertTrue(perDriver.figure().contains("card-days 0 of 2, driver-days 1 of 1"), perDriver.figure());
    }
}
