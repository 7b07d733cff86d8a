package com.platepay.faults;

import java.util.List;

/**
 * Everything the invariants are checked against: the handhelds' log, the database's charges, holds and ledger, and
 * the bank's debits and holds from its own API, plus how long the janitor was waited for; the vouchers the handhelds
 * issued offline, and the server's.
 */
record Observations(List<HandheldLog.Entry> handhelds, List<ChargeRow> charges, LedgerFacts ledger, List<BankDebit> bankDebits,
                    double settleSeconds, double settleBoundSeconds, List<HoldRow> holds, List<BankHold> bankHolds,
                    List<HandheldLog.VoucherEntry> vouchers, List<VoucherRow> serverVouchers) {

    /** A run without offline vouchers. */
    Observations(List<HandheldLog.Entry> handhelds, List<ChargeRow> charges, LedgerFacts ledger, List<BankDebit> bankDebits,
                 double settleSeconds, double settleBoundSeconds, List<HoldRow> holds, List<BankHold> bankHolds) {
        this(handhelds, charges, ledger, bankDebits, settleSeconds, settleBoundSeconds, holds, bankHolds, List.of(), List.of());
    }

    /** A run without fills. */
    Observations(List<HandheldLog.Entry> handhelds, List<ChargeRow> charges, LedgerFacts ledger, List<BankDebit> bankDebits,
                 double settleSeconds, double settleBoundSeconds) {
        this(handhelds, charges, ledger, bankDebits, settleSeconds, settleBoundSeconds, List.of(), List.of());
    }
}
