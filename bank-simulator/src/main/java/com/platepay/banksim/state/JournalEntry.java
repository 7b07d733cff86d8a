package com.platepay.banksim.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.platepay.banksim.state.StateSnapshot.AccountState;
import com.platepay.banksim.state.StateSnapshot.DebitState;
import com.platepay.banksim.state.StateSnapshot.RefundState;

/**
 * One line of the journal: a change that replays onto the last snapshot. Balance effects are recorded as movements
 * (a debit takes its amount, a reversal gives it back), not as resulting balances, so entries for different keys
 * replay to the same bank in any order; changes under one key are already serialised by the debit service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(long seq, Type type, AccountState account, DebitState debit, String key, String at, RefundState refund) {

    public enum Type {
        /** An account was opened with its starting balance. */
        OPENED,
        /** A debit was answered; an approved one took its amount, and it used up any tombstone under its key. */
        DEBITED,
        /** An approved debit was reversed: its amount went back. */
        REVERSED,
        /** A reversal arrived before its debit. */
        TOMBSTONED,
        /** A refund was answered; a succeeded one gave its amount back to the debit's account. */
        REFUNDED
    }

    public static JournalEntry opened(AccountState account) {
        return new JournalEntry(0, Type.OPENED, account, null, null, null, null);
    }

    public static JournalEntry debited(DebitState debit) {
        return new JournalEntry(0, Type.DEBITED, null, debit, null, null, null);
    }

    public static JournalEntry reversed(String key, String at) {
        return new JournalEntry(0, Type.REVERSED, null, null, key, at, null);
    }

    public static JournalEntry tombstoned(String key, String at) {
        return new JournalEntry(0, Type.TOMBSTONED, null, null, key, at, null);
    }

    public static JournalEntry refunded(RefundState refund) {
        return new JournalEntry(0, Type.REFUNDED, null, null, null, null, refund);
    }

    JournalEntry withSeq(long seq) {
        return new JournalEntry(seq, type, account, debit, key, at, refund);
    }
}
