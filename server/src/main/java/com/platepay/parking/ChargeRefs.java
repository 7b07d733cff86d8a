package com.platepay.parking;

import com.platepay.charging.ChargeCommand;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.SiteCategory;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The charge a session's debit attempt is: keyed by the session's charge device and a chargeRef derived from the
 * session and the attempt, with the amount and exit time fixed on the session. So the same attempt asked again
 * (a resent read, a second exit lane, a server restart) is the same charge and is never debited twice.
 */
final class ChargeRefs {

    private ChargeRefs() {
    }

    /** A canonical (lower-case) name-based UUID: the same session and attempt always give the same ref. */
    static String ref(UUID sessionId, int attempt) {
        return UUID.nameUUIDFromBytes(("platepay-parking:" + sessionId + ":" + attempt).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The charge for a session that is in CHARGING (its columns were set by that move). */
    static ChargeCommand command(ParkingSession s, UUID operatorId, String laneName) {
        return new ChargeCommand(s.chargeDeviceId, s.siteId, operatorId, SiteCategory.PARKING, s.chargeRef,
                new PlateNumber(s.plate), PlateColour.valueOf(s.plateColour), s.amount, s.currency, null, null, null,
                laneName, null, s.exitAt);
    }
}
