package com.platepay.refunds;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One refund as stored (table refunds), with what the charge it refunds needs to be told. */
public record Refund(UUID id, UUID chargeId, UUID siteId, UUID operatorId, long amount, String currency, String reason,
                     RefundStatus status, String failureCode, String bankReference, int attempts, String requestedBy,
                     Instant createdAt, Instant updatedAt) {

    static Refund of(Row r) {
        return new Refund(r.getUUID("id"), r.getUUID("charge_id"), r.getUUID("site_id"), r.getUUID("operator_id"),
                r.getLong("amount"), r.getString("currency"), r.getString("reason"), RefundStatus.valueOf(r.getString("status")),
                r.getString("failure_code"), r.getString("bank_reference"), r.getInteger("attempts"),
                r.getString("requested_by_name"), instant(r, "created_at"), instant(r, "updated_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
