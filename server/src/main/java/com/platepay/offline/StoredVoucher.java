package com.platepay.offline;

import java.util.UUID;

/** A voucher row as the upload path needs it. */
record StoredVoucher(UUID id, long counter, VoucherStatus status, String reasonCode, long amount, String currency, String voucherHash,
                     String chargeRef) {

    static StoredVoucher of(Object[] r) {
        return new StoredVoucher((UUID) r[0], ((Number) r[1]).longValue(), VoucherStatus.valueOf((String) r[2]), (String) r[3],
                ((Number) r[4]).longValue(), (String) r[5], (String) r[6], (String) r[7]);
    }
}
