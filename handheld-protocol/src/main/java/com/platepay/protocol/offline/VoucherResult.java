package com.platepay.protocol.offline;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of a {@code voucher.result} message: the server's answer to one uploaded voucher, named by its
 * {@code counter}.
 *
 * <p>status PAID: debited. ARREARS: the debit failed (reasonCode says why); the driver and the operator see the
 * amount owed. Both are final: the device drops the voucher from its queue. PENDING: the debit's outcome is not known
 * yet; upload the same voucher again later (it is never debited twice). REJECTED: the message was refused (reasonCode,
 * as for charges) and nothing was recorded; the device keeps the voucher.
 */
public record VoucherResult(
        Long counter,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "reasonCode", required = true) String reasonCode,
        String voucherId,
        Long amount,
        String currency,
        String message) {

    public static final String PAID = "PAID";
    public static final String ARREARS = "ARREARS";
    public static final String PENDING = "PENDING";
    public static final String REJECTED = "REJECTED";

    /** The server has taken the voucher for good (paid, or owed as arrears): the device may drop it. */
    public boolean settled() {
        return PAID.equals(status) || ARREARS.equals(status);
    }
}
