package com.platepay.notifications;

import java.util.UUID;

/** What the driver is told about one money event, as values: notifications know nothing of charges or sessions. */
public record DriverNotice(UUID driverId, UUID chargeId, Kind kind, String plate, long amount, String currency,
                           String maskedCard, String reasonCode) {

    public enum Kind {
        CHARGE_APPROVED, CHARGE_DECLINED, CHARGE_REVERSED,
        /** A reversal the bank never confirmed: the driver may see a debit, and staff are on it. */
        CHARGE_NEEDS_ATTENTION
    }
}
