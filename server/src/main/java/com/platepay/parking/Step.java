package com.platepay.parking;

import com.platepay.charging.ChargeCommand;
import java.util.UUID;

/**
 * What the first transaction decided about a read: either the lane's answer already, or a debit to make once
 * that transaction has committed (persist before the bank).
 */
record Step(LaneDecision decision, Debit debit) {

    /**
     * A priced session in CHARGING, to be debited through the charging core. {@code carIsOut}: no barrier waits
     * on the answer (the box opened offline, or a person or the driver settles after the car left), so a decline
     * is arrears whatever the lot's policy.
     */
    record Debit(UUID sessionId, ChargeCommand command, ParkingLot.DeclinePolicy policy, boolean carIsOut) {
    }

    static Step answer(LaneDecision decision) {
        return new Step(decision, null);
    }

    static Step debit(Debit debit) {
        return new Step(null, debit);
    }
}
