package com.platepay.faults;

import com.platepay.faults.BankSide.Fault;
import com.platepay.faults.BankSide.On;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Turns rates into the acquirer's counted rules. The bank (or ISO 8583 host) applies a rule to the next N matching
 * requests, so once a second this reads back how many uses each rule has left (the rest were used: those are the
 * faults really injected), and posts a new set: what was left plus the faults due for the debits expected in the next
 * second (from the rate charges are being started at), fractions carried over.
 *
 * <p>Unused faults are carried, not dropped: when the server is slow or restarting, few debits reach the bank in a
 * second, and a rule that lived one second would often expire unused (CI once saw a whole window inject nothing).
 * The acquirer applies the first matching rule, so the order of the rules rotates every second, letting each kind
 * of fault go first in turn.
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
    private int rotation;
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
        Map<String, Integer> left = posted.isEmpty() ? Map.of() : bank.remaining();
        count(left);
        List<BankSide.Rule> rules = new ArrayList<>();
        if (debitFaults) {
            // Timeouts: 3/5 answer late after taking the money, 2/5 arrive late (after the janitor's reversal).
            rules.add(rule(left, On.DEBIT, Fault.ANSWER_LATE, 0, debitsPerSecond * timeoutRate * 0.6, HOLD_MS));
            rules.add(rule(left, On.DEBIT, Fault.ARRIVE_LATE, 1, debitsPerSecond * timeoutRate * 0.4, HOLD_MS + 1_000));
            rules.add(rule(left, On.DEBIT, Fault.ERROR, 2, debitsPerSecond * failureRate * 0.5, 0));
            rules.add(rule(left, On.DEBIT, Fault.DROP, 3, debitsPerSecond * failureRate * 0.5, 0));
            if (bank.holdFaults()) {
                // Fills place holds and complete them: the same rates on both (counted with the debits' faults).
                rules.add(rule(left, On.HOLD, Fault.ANSWER_LATE, 4, debitsPerSecond * holdShare * timeoutRate, HOLD_MS));
                rules.add(rule(left, On.COMPLETION, Fault.ERROR, 5, debitsPerSecond * holdShare * failureRate, 0));
            }
            Collections.rotate(rules, rotation++);
        }
        if (reversalFaults) {
            rules.add(new BankSide.Rule(On.REVERSAL, Fault.ERROR, 1_000_000, 0));
        }
        rules.removeIf(r -> r.count() <= 0);
        if (!rules.isEmpty() || !posted.isEmpty()) {
            bank.replaceFaults(rules);
        }
        posted.clear();
        posted.addAll(rules);
    }

    /** Removes every rule and counts what the last set injected. */
    void stop() throws IOException {
        debitFaults = false;
        reversalFaults = false;
        count(bank.remaining());
        bank.clearFaults();
        posted.clear();
    }

    /**
     * What was left of this kind plus what is due in the next second, at most a few seconds' worth: while the server
     * is down nothing is used, and the faults due meanwhile should not all land on the first debits after it.
     */
    private BankSide.Rule rule(Map<String, Integer> left, On on, Fault fault, int slot, double perSecond, long delayMs) {
        int carried = left.getOrDefault(on + "/" + fault, 0);
        int due = take(slot, perSecond);
        int cap = Math.max(2, (int) Math.ceil(perSecond * 3));
        return new BankSide.Rule(on, fault, Math.min(carried + due, Math.max(cap, carried)), delayMs);
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
