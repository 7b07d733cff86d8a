package com.platepay.parking;

import com.platepay.charging.MandateResolver;
import com.platepay.enrollment.Mandate;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.SiteCategory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether an exit read may move money without a person: an exact plate, read at or above the lane's threshold,
 * of a session nobody flagged, with an active PARKING mandate. A wrong read that is acted on charges a stranger.
 */
@ApplicationScoped
public class Eligibility {

    private final MandateResolver mandates;

    public Eligibility(MandateResolver mandates) {
        this.mandates = mandates;
    }

    /** Null when the debit may go ahead; otherwise the reason a person must look (the review queue shows it). */
    Uni<String> refusal(ParkingSession session, PlateMatcher.Match match, LaneRead read, ParkingLane lane, ParkingLot lot) {
        String quick = quickRefusal(session, match, read, lane, lot);
        if (quick != null) {
            return Uni.createFrom().item(quick);
        }
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

    private static String quickRefusal(ParkingSession session, PlateMatcher.Match match, LaneRead read, ParkingLane lane,
                                       ParkingLot lot) {
        if (match != PlateMatcher.Match.EXACT) {
            return match + "_MATCH";
        }
        if (read.body().confidence() < lane.confidenceThreshold) {
            return "LOW_CONFIDENCE";
        }
        if (session.flag == ParkingSession.Flag.PASSBACK || session.flag == ParkingSession.Flag.CLONE) {
            return "FLAGGED_" + session.flag;
        }
        if (session.flag == ParkingSession.Flag.LOST_ENTRY && lot.lostTicketPrice == null) {
            return "LOST_ENTRY";
        }
        return "UNKNOWN".equals(session.plateColour) ? "COLOUR_UNKNOWN" : null;
    }
}
