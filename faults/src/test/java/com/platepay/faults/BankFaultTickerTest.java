package com.platepay.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.faults.BankSide.Fault;
import com.platepay.faults.BankSide.On;
import com.platepay.faults.BankSide.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ticker's bookkeeping against a bank that applies counted rules as the real ones do (first match, one use). */
class BankFaultTickerTest {

    /** Counted rules as the simulated bank and the ISO 8583 host keep them. */
    private static final class CountingBank implements BankSide {
        final List<Rule> rules = new ArrayList<>();

        @Override
        public void replaceFaults(List<Rule> next) {
            rules.clear();
            rules.addAll(next);
        }

        @Override
        public Map<String, Integer> remaining() {
            Map<String, Integer> left = new HashMap<>();
            rules.forEach(r -> left.merge(r.key(), r.count(), Integer::sum));
            return left;
        }

        @Override
        public void clearFaults() {
            rules.clear();
        }

        @Override
        public List<BankDebit> debits(String accountId) {
            return List.of();
        }

        /** One debit arrives: the first debit rule with uses left takes it. */
        Fault debit() {
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                if (r.on() == On.DEBIT && r.count() > 0) {
                    rules.set(i, new Rule(r.on(), r.fault(), r.count() - 1, r.delayMs()));
                    return r.fault();
                }
            }
            return null;
        }
    }

    @Test
    void faultsNoDebitUsedAreCarriedIntoTheNextSecondAndCountedWhenUsed() throws Exception {
        CountingBank bank = new CountingBank();
        BankFaultTicker ticker = new BankFaultTicker(bank, 0.3, 0.3, 0);
        ticker.debitFaults(true);
        // A slow server: 2 charges started per second, and no debit reaches the bank for five seconds.
        for (int second = 0; second < 5; second++) {
            ticker.tick(2);
        }
        int pending = bank.remaining().values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(pending >= 4, "faults due over five quiet seconds were dropped: " + bank.rules);
        assertEquals(0, ticker.injectedTimeouts + ticker.injectedFailures);

        List<Fault> hit = new ArrayList<>();
        for (int i = 0; i < pending; i++) {
            hit.add(bank.debit());
            ticker.tick(2);
        }
        ticker.stop();
        assertTrue(ticker.injectedTimeouts > 0, "no timeout counted: " + hit);
        assertTrue(ticker.injectedFailures > 0, "no failure counted: " + hit);
        long used = hit.stream().filter(f -> f != null).count();
        assertEquals(used, ticker.injectedTimeouts + ticker.injectedFailures, "counted differs from used: " + hit);
    }

    @Test
    void eachKindOfFaultGoesFirstInTurn() throws Exception {
        CountingBank bank = new CountingBank();
        BankFaultTicker ticker = new BankFaultTicker(bank, 0.5, 0.5, 0);
        ticker.debitFaults(true);
        ticker.tick(20);
        Fault first = bank.rules.get(0).fault();
        ticker.tick(20);
        assertNotEquals(first, bank.rules.get(0).fault(), "the same rule comes first every second: " + bank.rules);
    }

    @Test
    void whatIsCarriedIsBoundedWhileNothingIsUsed() throws Exception {
        CountingBank bank = new CountingBank();
        BankFaultTicker ticker = new BankFaultTicker(bank, 0.3, 0.3, 0);
        ticker.debitFaults(true);
        for (int second = 0; second < 120; second++) {
            ticker.tick(10);
        }
        // At most about three seconds' worth of each kind waits for the first debits after a stall.
        bank.rules.forEach(r -> assertTrue(r.count() <= 10, "unbounded backlog: " + r));
    }
}
