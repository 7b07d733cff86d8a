package com.platepay.notifications;

import java.util.UUID;

/**
 * What the driver is told about one event, as values: notifications know nothing of charges, sessions or disputes.
 * For a vehicle's review {@code chargeId}, {@code amount} and {@code currency} are empty and {@code reasonCode} holds
 * the reviewer's reason; for a dispute it holds the dispute's new state.
 */
public record DriverNotice(UUID driverId, UUID chargeId, Kind kind, String plate, long amount, String currency,
                           String maskedCard, String reasonCode) {

    public enum Kind {
        CHARGE_APPROVED, CHARGE_DECLINED, CHARGE_REVERSED,
        /** A reversal the bank never confirmed: the driver may see a debit, and staff are on it. */
        CHARGE_NEEDS_ATTENTION,
        /** Money of an approved charge went back to the card (all of it or part); {@code amount} is the refund's. */
        CHARGE_REFUNDED,
        VEHICLE_APPROVED, VEHICLE_REJECTED,
        /** A dispute of the charge moved (opened, taken up, upheld, rejected, withdrawn). */
        DISPUTE_UPDATED
    }

    /** A notice about a vehicle's proof, which concerns no charge. */
    public static DriverNotice vehicle(UUID driverId, String plate, boolean approved, String reason) {
        return new DriverNotice(driverId, null, approved ? Kind.VEHICLE_APPROVED : Kind.VEHICLE_REJECTED, plate, 0, null, null, reason);
    }
}
