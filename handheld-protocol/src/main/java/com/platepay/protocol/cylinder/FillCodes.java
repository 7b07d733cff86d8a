package com.platepay.protocol.cylinder;

import java.util.List;

/**
 * The fill decision of a cylinder check. Each refusal has its own code so the attendant's device can say why; when
 * several apply, the first in {@link #ALL}'s order is given.
 */
public final class FillCodes {
    public static final String FILL_ALLOWED = "FILL_ALLOWED";
    /** No cylinder with this tag (or none fitted to this plate) is in the registry. */
    public static final String CYLINDER_UNREGISTERED = "CYLINDER_UNREGISTERED";
    /** The tag's cylinder is registered to another plate. */
    public static final String CYLINDER_OTHER_PLATE = "CYLINDER_OTHER_PLATE";
    /** Registered by the driver, not yet confirmed by an operator or admin. */
    public static final String CYLINDER_UNCONFIRMED = "CYLINDER_UNCONFIRMED";
    public static final String CYLINDER_FLAGGED = "CYLINDER_FLAGGED";
    public static final String PAST_DESIGN_LIFE = "PAST_DESIGN_LIFE";
    public static final String INSPECTION_OVERDUE = "INSPECTION_OVERDUE";
    /** The pump dispenses another medium than the cylinder is made for. */
    public static final String MEDIUM_MISMATCH = "MEDIUM_MISMATCH";

    public static final List<String> ALL = List.of(FILL_ALLOWED, CYLINDER_UNREGISTERED, CYLINDER_OTHER_PLATE, CYLINDER_UNCONFIRMED,
            CYLINDER_FLAGGED, PAST_DESIGN_LIFE, INSPECTION_OVERDUE, MEDIUM_MISMATCH);

    private FillCodes() {
    }
}
