package com.platepay.acquirerhost;

/**
 * A purchase, hold or refund as the host booked it (a refund names its purchase's RRN in {@code originalRrn}), with the answer it gave (field 39 and 38), so a duplicate gets the
 * same answer. amount is what was asked; settledAmount what the account finally gave (a completed hold may take
 * less than it held; a reversed purchase gives everything back).
 */
public record HostTransaction(String kind, String terminalId, String stan, String localDate, String transmissionDateTime,
                              String rrn, String accountId, String panMasked, long amount, String currency,
                              String responseCode, String approvalCode, Status status, long settledAmount, String originalRrn) {

    public enum Status { APPROVED, DECLINED, HELD, COMPLETED, VOIDED, REVERSED }

    public static final String PURCHASE = "PURCHASE";
    public static final String HOLD = "HOLD";
    public static final String REFUND = "REFUND";

    HostTransaction with(Status newStatus, long newSettledAmount) {
        return new HostTransaction(kind, terminalId, stan, localDate, transmissionDateTime, rrn, accountId, panMasked,
                amount, currency, responseCode, approvalCode, newStatus, newSettledAmount, originalRrn);
    }
}
