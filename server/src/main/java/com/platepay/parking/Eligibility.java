package com.platepay.parking;

import com.platepay.charging.MandateResolver;
import com.platepay.enrollment.Mandate;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.SiteCategory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether an exit read may be acted on without a person. First the read: an exact plate, read at or above the
 * lane's threshold, of a session nobody flagged. Only such a read may let a car out (free, on a pass) or move
 * money; a wrong read that is acted on charges a stranger, or lets a car out on someone else's pass. Then, when
 * something is due, an active PARKING mandate for the plate.
 */
@ApplicationScoped
public class Eligibility {

    private final MandateResolver mandates;

    public Eligibility(MandateResolver mandates) {
        this.mandates = mandates;
    }

    /** Null when the debit may go ahead; otherwise the reason a person must look (the review queue shows it). */
    Uni<String> refusal(ParkingSession session, PlateMatcher.Match match, LaneRead read, ParkingLane lane) {
        String unsure = unsure(session, match, read, lane);
        return unsure != null ? Uni.createFrom().item(unsure) : mandateRefusal(session);
    }

    /** Null when the read is sure enough to act on; otherwise why not. */
    static String unsure(ParkingSession session, PlateMatcher.Match match, LaneRead read, ParkingLane lane) {
        if (match != PlateMatcher.Match.EXACT) {
            return match + "_MATCH";
        }
        if (read.body().confidence() < lane.confidenceThreshold) {
            return "LOW_CONFIDENCE";
        }
        if (session.flag == ParkingSession.Flag.PASSBACK || session.flag == ParkingSession.Flag.CLONE) {
            return "FLAGGED_" + session.flag;
        }
        return "UNKNOWN".equals(session.plateColour) ? "COLOUR_UNKNOWN" : null;
    }

    /** Null when the plate's card may be debited for parking; otherwise the reason. */
    Uni<String> mandateRefusal(ParkingSession session) {
        return mandates.resolve(new PlateNumber(session.plate), PlateColour.valueOf(session.plateColour)).map(r -> {
            if (r.mandate() == null) {
                return r.declineReason();
            }
            if (r.mandate().status != Mandate.Status.ACTIVE) {
                return "MANDATE_" + r.mandate().status;
            }
            return r.mandate().allows(SiteCategory.PARKING) ? null : "CATEGORY_NOT_ALLOWED";
        });
    }
}
