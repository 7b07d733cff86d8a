package com.platepay.faults;

import java.time.Instant;

/**
 * One row of the server's vouchers table, as the audit reads it: (device, counter) names the voucher, {@code chargeRef}
 * is the charge id it is debited under, {@code chargeId} the charge its settlement names, {@code storedAt} when it was
 * first stored (the upload order).
 */
record VoucherRow(String deviceId, long counter, String status, String reasonCode, long amount, String chargeRef, String chargeId,
                  Instant storedAt) {

    static final String RECEIVED = "RECEIVED";

    String key() {
        return HandheldLog.VoucherEntry.key(deviceId, counter);
    }
}
