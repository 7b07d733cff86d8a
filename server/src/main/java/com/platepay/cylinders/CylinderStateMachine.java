package com.platepay.cylinders;

import static com.platepay.cylinders.CylinderStatus.ACTIVE;
import static com.platepay.cylinders.CylinderStatus.FLAGGED;
import static com.platepay.cylinders.CylinderStatus.PENDING;
import static com.platepay.cylinders.CylinderStatus.RETIRED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a cylinder's status may make; each is one conditional update on the state it leaves
 * ({@link com.platepay.platform.ConditionalUpdate}), so two reviewers deciding at once decide once.
 *
 * <pre>
 * PENDING ──> ACTIVE ──> FLAGGED ──> ACTIVE      (confirmed / flagged by staff / cleared by staff)
 *    └──────> FLAGGED                             (staff found the certificate wrong)
 * PENDING | ACTIVE | FLAGGED ──> RETIRED          (the driver or staff took it out of service)
 * </pre>
 */
public final class CylinderStateMachine {

    private static final Map<CylinderStatus, Set<CylinderStatus>> NEXT = new EnumMap<>(CylinderStatus.class);

    static {
        NEXT.put(PENDING, EnumSet.of(ACTIVE, FLAGGED, RETIRED));
        NEXT.put(ACTIVE, EnumSet.of(FLAGGED, RETIRED));
        NEXT.put(FLAGGED, EnumSet.of(ACTIVE, RETIRED));
        NEXT.put(RETIRED, EnumSet.noneOf(CylinderStatus.class));
    }

    private CylinderStateMachine() {
    }

    public static boolean allows(CylinderStatus from, CylinderStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static void require(CylinderStatus from, CylinderStatus to) {
        if (!allows(from, to)) {
            throw new IllegalStateException("a cylinder cannot move from " + from + " to " + to);
        }
    }
}
