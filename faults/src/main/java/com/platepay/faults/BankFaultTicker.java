package com.platepay.faults;

import com.platepay.faults.BankSide.Fault;
import com.platepay.faults.BankSide.On;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns rates into the acquirer's counted rules. The bank (or ISO 8583 host) applies a rule to the next N matching
 * requests, so once a second this replaces the rule set with counts for the debits expected in the next second
 * (from the rate charges are being started at), carrying fractions over, and reads back how many of the last
 * second's rules were used: those are the faults really injected.
 */
final class BankFaultTicker {
    /** Long enough that the server (1.5 s bank timeout) gives up first. */
    static final long HOLD_MS = 3_000;

    private final BankSide bank;
    private final double timeoutRate;
    private final double failureRate;
    private boolean debitFaults;
    private boolean reversalFaults;
    private final double[] carry = new double[6];
    private final List<BankSide.Rule> posted = new ArrayList<>();
    long injectedTimeouts;
    long injectedFailures;
    long injectedReversalFailures;
    /** Of the timeouts and failures, those on holds and their completions. */
    long injectedHoldFaults;

    /** The share of charges that are fills, so hold rules are sized like the debits'. */
    private final double holdShare;

    BankFaultTicker(BankSide bank, double timeoutRate, double failureRate, double holdShare) {
        this.holdShare = holdShare;
        this.bank = bank;
        this.timeoutRate = timeoutRate;
        this.failureRate = failureRate;
    }

    void debitFaults(boolean on) {
        debitFaults = on;
    }

    void reversalFaults(boolean on) {
        reversalFaults = on;
    }

    boolean active() {
        return debitFaults || reversalFaults || !posted.isEmpty();
    }

    /** Called about once a second with the charges started per second lately. */
    void tick(double debitsPerSecond) throws IOException {
        List<BankSide.Rule> rules = new ArrayList<>();
        if (debitFaults) {
            // Timeouts: 3/5 answer late after taking the money, 2/5 arrive late (after the janitor's reversal).
            rules.add(new BankSide.Rule(On.DEBIT, Fault.ANSWER_LATE, take(0, debitsPerSecond * timeoutRate * 0.6), HOLD_MS));
            rules.add(new BankSide.Rule(On.DEBIT, Fault.ARRIVE_LATE, take(1, debitsPerSecond * timeoutRate * 0.4), HOLD_MS + 1_000));
            rules.add(new BankSide.Rule(On.DEBIT, Fault.ERROR, take(2, debitsPerSecond * failureRate * 0.5), 0));
            rules.add(new BankSide.Rule(On.DEBIT, Fault.DROP, take(3, debitsPerSecond * failureRate * 0.5), 0));
            if (bank.holdFaults()) {
                // Fills place holds and complete them: the same rates on both (counted with the debits' faults).
                rules.add(new BankSide.Rule(On.HOLD, Fault.ANSWER_LATE, take(4, debitsPerSecond * holdShare * timeoutRate), HOLD_MS));
                rules.add(new BankSide.Rule(On.COMPLETION, Fault.ERROR, take(5, debitsPerSecond * holdShare * failureRate), 0));
            }
        }
        if (reversalFaults) {
            rules.add(new BankSide.Rule(On.REVERSAL, Fault.ERROR, 1_000_000, 0));
        }
        Map<String, Integer> left = rules.isEmpty() && posted.isEmpty() ? Map.of() : bank.replaceFaults(rules);
        count(left);
        posted.clear();
        posted.addAll(rules.stream().filter(r -> r.count() > 0).toList());
    }

    /** Removes every rule and counts what the last set injected. */
    void stop() throws IOException {
        debitFaults = false;
        reversalFaults = false;
        count(bank.remaining());
        bank.clearFaults();
        posted.clear();
    }

    private void count(Map<String, Integer> left) {
        for (BankSide.Rule r : posted) {
            long used = r.count() - left.getOrDefault(r.key(), 0);
            if (r.on() == On.HOLD || r.on() == On.COMPLETION) {
                injectedHoldFaults += used;
            }
            if (r.on() == On.REVERSAL) {
                injectedReversalFailures += used;
            } else if (r.fault() == Fault.ANSWER_LATE || r.fault() == Fault.ARRIVE_LATE) {
                injectedTimeouts += used;
            } else {
                injectedFailures += used;
            }
        }
    }

    private int take(int slot, double expected) {
        carry[slot] += expected;
        int whole = (int) carry[slot];
        carry[slot] -= whole;
        return whole;
    }
}
