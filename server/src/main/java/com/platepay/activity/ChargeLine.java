package com.platepay.activity;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One charge as the driver's app lists it: where (site, device, pump or lane), what, the card, and the state of its
 * latest dispute, and how much of it was refunded (minor units). Read with plain SQL (no entity of another part is loaded or changed).
 */
public record ChargeLine(UUID id, String chargeRef, Instant createdAt, Instant capturedAt, String category, UUID siteId,
                         String siteName, String deviceName, String pumpOrLane, String plate, String plateColour, long amount,
                         String currency, String status, String reasonCode, String maskedCard, String approvalCode,
                         UUID disputeId, String disputeStatus, long refunded) {

    /** The columns {@link #of} reads, for a query over charges {@code c} of one driver. */
    static final String SELECT = """
            select c.id, c.charge_ref, c.created_at, c.captured_at, s.category, s.id as site_id, s.name as site_name,
                   d.name as device_name, c.pump, c.plate, c.plate_colour, c.amount, c.currency, c.status, c.reason_code,
                   c.masked_card, c.approval_code, dsp.id as dispute_id, dsp.status as dispute_status, c.refunded
            from charges c join sites s on s.id = c.site_id join devices d on d.id = c.device_id
            left join lateral (select x.id, x.status from disputes x where x.charge_id = c.id
                               order by x.created_at desc limit 1) dsp on true""";

    static ChargeLine of(Row r) {
        return new ChargeLine(r.getUUID("id"), r.getString("charge_ref"), instant(r, "created_at"), instant(r, "captured_at"),
                r.getString("category"), r.getUUID("site_id"), r.getString("site_name"), r.getString("device_name"),
                r.getString("pump"), r.getString("plate"), r.getString("plate_colour"), r.getLong("amount"),
                r.getString("currency"), r.getString("status"), r.getString("reason_code"), r.getString("masked_card"),
                r.getString("approval_code"), r.getUUID("dispute_id"), r.getString("dispute_status"), r.getLong("refunded"));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
