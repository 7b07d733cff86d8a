package com.platepay.charging;

import com.platepay.enrollment.Mandate;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Finds whose card a plate charges. Only an exact plate (and colour, when given) ever picks a card. */
@ApplicationScoped
public class MandateResolver {

    /** Either a mandate or the reason there is none. */
    public record Resolution(Mandate mandate, String declineReason) {
        static Resolution of(Mandate m) {
            return new Resolution(m, null);
        }

        static Resolution declined(String reason) {
            return new Resolution(null, reason);
        }
    }

    public Uni<Resolution> resolve(PlateNumber plate, PlateColour colour) {
        Uni<List<Mandate>> live = colour == null
                ? Mandate.list("plate = ?1 and status <> ?2", plate.text(), Mandate.Status.REVOKED)
                : Mandate.list("plate = ?1 and colour = ?2 and status <> ?3", plate.text(), colour.name(), Mandate.Status.REVOKED);
        return live.flatMap(mandates -> {
            if (mandates.size() > 1) {
                // Same text, different colours, and the device did not say which: never guess whose card.
                return Uni.createFrom().item(Resolution.declined(ReasonCodes.PLATE_AMBIGUOUS));
            }
            if (mandates.size() == 1) {
                return Uni.createFrom().item(Resolution.of(mandates.get(0)));
            }
            return Mandate.count("plate = ?1 and status = ?2", plate.text(), Mandate.Status.REVOKED)
                    .map(revoked -> Resolution.declined(revoked > 0 ? ReasonCodes.MANDATE_REVOKED : ReasonCodes.NOT_ENROLLED));
        });
    }
}
