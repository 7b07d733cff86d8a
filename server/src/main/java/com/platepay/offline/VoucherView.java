package com.platepay.offline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A voucher as the driver and the operator see it. status ARREARS: the offline fill could not be debited (reasonCode
 * says why) and is owed. counter is the handheld's voucher number (the device's order, whatever its clock said);
 * capturedAt is what the device clock said, receivedAt the server's time of the upload.
 */
public record VoucherView(UUID id, UUID siteId, String siteName, UUID deviceId, long counter, String plate, String plateColour,
                          long amount, String currency, String status, String reasonCode, Instant capturedAt, Instant receivedAt,
                          UUID chargeId) {

    /** The columns {@link #of} reads, in order, from {@code vouchers v join sites s}. */
    static final String COLUMNS = """
            v.id, v.site_id, s.name, v.device_id, v.counter, v.plate, v.colour, v.amount, v.currency, v.status, v.reason_code,
            v.captured_at, v.created_at, v.charge_id""";

    static VoucherView of(Object[] r) {
        return new VoucherView((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], ((Number) r[4]).longValue(), (String) r[5],
                (String) r[6], ((Number) r[7]).longValue(), (String) r[8], (String) r[9], (String) r[10], instant(r[11]), instant(r[12]),
                (UUID) r[13]);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
