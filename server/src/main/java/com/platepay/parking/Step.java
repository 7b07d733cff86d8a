package com.platepay.parking;

import com.platepay.charging.ChargeCommand;
import java.util.UUID;

/**
 * What the first transaction decided about a read: either the lane's answer already, or a debit to make once
 * that transaction has committed (persist before the bank).
 */
record Step(LaneDecision decision, Debit debit) {

    /** A priced session in CHARGING, to be debited through the charging core. */
    record Debit(UUID sessionId, ChargeCommand command, ParkingLot.DeclinePolicy policy, boolean offline) {
    }

    static Step answer(LaneDecision decision) {
        return new Step(decision, null);
    }

    static Step debit(Debit debit) {
        return new Step(null, debit);
    }
}
