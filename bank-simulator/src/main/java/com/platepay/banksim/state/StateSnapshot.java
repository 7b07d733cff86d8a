package com.platepay.banksim.state;

import com.platepay.banksim.accounts.Account;
import java.util.List;

/**
 * The whole bank as written to the --state file. Money in minor units; instants as ISO-8601 strings.
 * journalSeq is the last journal entry it includes: replay skips entries up to it (0 in version-1 files).
 */
public record StateSnapshot(int version, long journalSeq, List<AccountState> accounts, List<DebitState> debits,
                            List<TombstoneState> tombstones, List<RefundState> refunds) {

    /** 3: refunds are kept (older files have none). */
    public static final int CURRENT_VERSION = 3;

    public record AccountState(String accountId, String pan, String holderName, String cardType, String bankName,
                               int expiryMonth, int expiryYear, long balance, String currency, String createdAt) {
        public static AccountState of(Account a) {
            return new AccountState(a.accountId(), a.pan(), a.holderName(), a.cardType().name(), a.bankName(),
                    a.expiryMonth(), a.expiryYear(), a.balance(), a.currency(), a.createdAt().toString());
        }
    }

    public record DebitState(String debitId, String idempotencyKey, String fingerprint, String accountId, String panMasked,
                             long amount, String currency, String merchantId, String reference, String status,
                             String originalStatus, String declineCode, String approvalCode, String createdAt,
                             String reversedAt) {
    }

    public record TombstoneState(String idempotencyKey, String createdAt) {
    }

    /** A refund answered under the client's idempotency key (status SUCCEEDED or DECLINED). */
    public record RefundState(String refundId, String idempotencyKey, String debitKey, String accountId, String merchantId,
                              long amount, String currency, String reference, String status, String declineCode,
                              String createdAt) {
    }
}
