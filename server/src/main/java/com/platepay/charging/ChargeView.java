package com.platepay.charging;

import java.time.Instant;
import java.util.UUID;

/** A charge as drivers and operators see it over REST. */
public record ChargeView(UUID id, String chargeId, UUID siteId, UUID deviceId, String plate, String plateColour, long amount,
                         String currency, Long volumeMilli, String volumeUnit, Long unitPrice, String pump, Instant capturedAt,
                         String status, String reasonCode, String approvalCode, String maskedCard, Instant createdAt,
                         Instant updatedAt) {
    static ChargeView of(Charge c) {
        return new ChargeView(c.id, c.chargeRef, c.siteId, c.deviceId, c.plate, c.plateColour, c.amount, c.currency,
                c.volumeMilli, c.volumeUnit, c.unitPrice, c.pump, c.capturedAt, c.status.name(), c.reasonCode, c.approvalCode,
                c.maskedCard, c.createdAt, c.updatedAt);
    }
}
