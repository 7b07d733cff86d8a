package com.platepay.parking;

import com.platepay.charging.ChargeCommand;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.SiteCategory;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The charge a session's debit attempt is: keyed by the session's charge device and a chargeRef derived from the
 * session and the attempt, with every other value taken from the session's own columns (fixed by the move to
 * CHARGING). So the same attempt asked again (a resent read, a second exit lane, the driver's second click, a
 * server restart) is the same charge, with the same request hash, and is never debited twice.
 */
final class ChargeRefs {

    private ChargeRefs() {
    }

    /** A canonical (lower-case) name-based UUID: the same session and attempt always give the same ref. */
    static String ref(UUID sessionId, int attempt) {
        return UUID.nameUUIDFromBytes(("platepay-parking:" + sessionId + ":" + attempt).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The debit of a session that is in CHARGING. The lane named on the charge is the charge device's, never the
     * lane that happens to read the car now: a copy asked from another lane must hash the same, or the charging
     * core answers IDEMPOTENCY_CONFLICT. Must run in a session (the lane is usually in its cache already).
     *
     * @param carIsOut the car has left (the box opened offline, or a person or the driver settles later): a
     *                 decline is arrears whatever the lot's policy, since there is no barrier to keep closed
     */
    static Uni<Step.Debit> debit(ParkingSession s, UUID operatorId, ParkingLot.DeclinePolicy policy, boolean carIsOut) {
        requireCharging(s);
        return ParkingLane.<ParkingLane>findById(s.chargeDeviceId)
                .map(lane -> debit(s, lane == null ? null : lane.name, operatorId, policy, carIsOut));
    }

    /** The same, with the charge device's lane name already at hand (the lane read path, which has no session). */
    static Step.Debit debit(ParkingSession s, String laneName, UUID operatorId, ParkingLot.DeclinePolicy policy, boolean carIsOut) {
        requireCharging(s);
        return new Step.Debit(s.id, new ChargeCommand(s.chargeDeviceId, s.siteId, operatorId, SiteCategory.PARKING, s.chargeRef,
                new PlateNumber(s.plate), PlateColour.valueOf(s.plateColour), s.amount, s.currency, null, null, null, laneName, null,
                s.exitAt), policy, carIsOut);
    }

    private static void requireCharging(ParkingSession s) {
        if (s.status != SessionStatus.CHARGING || s.chargeDeviceId == null || s.chargeRef == null || s.amount == null) {
            throw new IllegalStateException("parking session " + s.id + " is not being charged");
        }
    }
}
