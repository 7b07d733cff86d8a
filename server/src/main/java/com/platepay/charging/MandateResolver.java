package com.platepay.charging;

import com.platepay.enrollment.Mandate;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Finds whose card a plate charges. Only an exact plate and colour ever pick a card: a blue and a yellow 京A12345 are
 * two vehicles, so a charge without a colour is taken only when the plate's text proves its colour.
 */
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

    public Uni<Resolution> resolve(PlateNumber plate, PlateColour given) {
        Optional<PlateColour> colour = given != null ? Optional.of(given) : plate.impliedColour();
        if (colour.isEmpty()) {
            return Uni.createFrom().item(Resolution.declined(ReasonCodes.PLATE_COLOUR_REQUIRED));
        }
        return Mandate.<Mandate>find("plate = ?1 and colour = ?2 and status <> ?3", plate.text(), colour.get().name(),
                        Mandate.Status.REVOKED).firstResult()
                .flatMap(live -> live != null
                        ? Uni.createFrom().item(Resolution.of(live))
                        : Mandate.count("plate = ?1 and colour = ?2 and status = ?3", plate.text(), colour.get().name(),
                                        Mandate.Status.REVOKED)
                                .map(revoked -> Resolution.declined(revoked > 0 ? ReasonCodes.MANDATE_REVOKED : ReasonCodes.NOT_ENROLLED)));
    }
}
