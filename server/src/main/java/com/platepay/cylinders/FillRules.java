package com.platepay.cylinders;

import com.platepay.protocol.cylinder.FillCodes;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Whether a cylinder may be filled: a safety answer, decided before anything about payment and never overruled
 * by it. Refusals are tried in {@link FillCodes#ALL}'s order, so the code given is the first that applies.
 */
public final class FillRules {

    private FillRules() {
    }

    /**
     * The decision for the cylinder a tag names ({@code tagged} null when no cylinder in service has the tag),
     * checked against the plate the handheld sent ({@code plate} null when it sent only the tag).
     */
    public static String forTag(Cylinder tagged, String plate, String medium, LocalDate today) {
        if (tagged == null) {
            return FillCodes.CYLINDER_UNREGISTERED;
        }
        if (plate != null && !plate.equals(tagged.plate)) {
            return FillCodes.CYLINDER_OTHER_PLATE;
        }
        return forCylinder(tagged, medium, today);
    }

    /**
     * The decision when only the plate was sent: every cylinder in service on the vehicle is filled at once, so each
     * must pass; the first refusal found is given.
     */
    public static String forPlate(Collection<Cylinder> fitted, String medium, LocalDate today) {
        if (fitted.isEmpty()) {
            return FillCodes.CYLINDER_UNREGISTERED;
        }
        List<String> refusals = fitted.stream().map(c -> forCylinder(c, medium, today))
                .filter(code -> !FillCodes.FILL_ALLOWED.equals(code)).toList();
        return refusals.stream().min((a, b) -> FillCodes.ALL.indexOf(a) - FillCodes.ALL.indexOf(b)).orElse(FillCodes.FILL_ALLOWED);
    }

    static String forCylinder(Cylinder c, String medium, LocalDate today) {
        switch (c.status) {
            case RETIRED:
                return FillCodes.CYLINDER_UNREGISTERED;
            case PENDING:
                return FillCodes.CYLINDER_UNCONFIRMED;
            case FLAGGED:
                return FillCodes.CYLINDER_FLAGGED;
            default:
                break;
        }
        if (!today.isBefore(c.endOfLife())) {
            return FillCodes.PAST_DESIGN_LIFE;
        }
        // Due on a day means it may still be filled that day; from the next day on it is overdue.
        if (today.isAfter(c.nextInspectionDue)) {
            return FillCodes.INSPECTION_OVERDUE;
        }
        if (!c.medium.equals(medium)) {
            return FillCodes.MEDIUM_MISMATCH;
        }
        return FillCodes.FILL_ALLOWED;
    }
}
