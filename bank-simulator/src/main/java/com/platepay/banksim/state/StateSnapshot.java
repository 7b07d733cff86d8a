package com.platepay.banksim.state;

import java.util.List;

/** The whole bank as written to the --state file. Money in minor units; instants as ISO-8601 strings. */
public record StateSnapshot(int version, List<AccountState> accounts, List<DebitState> debits, List<TombstoneState> tombstones) {

    public static final int CURRENT_VERSION = 1;

    public record AccountState(String accountId, String pan, String holderName, String cardType, String bankName,
                               int expiryMonth, int expiryYear, long balance, String currency, String createdAt) {
    }

    public record DebitState(String debitId, String idempotencyKey, String fingerprint, String accountId, String panMasked,
                             long amount, String currency, String merchantId, String reference, String status,
                             String originalStatus, String declineCode, String approvalCode, String createdAt,
                             String reversedAt) {
    }

    public record TombstoneState(String idempotencyKey, String createdAt) {
    }
}
