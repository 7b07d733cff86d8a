package com.platepay.acquirerhost;

/**
 * A purchase or hold as the host booked it, with the answer it gave (field 39 and 38), so a duplicate gets the
 * same answer. amount is what was asked; settledAmount what the account finally gave (a completed hold may take
 * less than it held; a reversed purchase gives everything back).
 */
public record HostTransaction(String kind, String terminalId, String stan, String localDate, String transmissionDateTime,
                              String rrn, String accountId, String panMasked, long amount, String currency,
                              String responseCode, String approvalCode, Status status, long settledAmount) {

    public enum Status { APPROVED, DECLINED, HELD, COMPLETED, VOIDED, REVERSED }

    public static final String PURCHASE = "PURCHASE";
    public static final String HOLD = "HOLD";

    HostTransaction with(Status newStatus, long newSettledAmount) {
        return new HostTransaction(kind, terminalId, stan, localDate, transmissionDateTime, rrn, accountId, panMasked,
                amount, currency, responseCode, approvalCode, newStatus, newSettledAmount);
    }
}
