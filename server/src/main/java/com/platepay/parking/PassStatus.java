package com.platepay.parking;

import java.util.Set;

/** Where a monthly pass is. ACTIVE -> ENDED is its one move (conditional on ACTIVE, see {@link Passes#end}). */
public enum PassStatus {
    /** Covers stays on its days. */
    ACTIVE,
    /** Ended by the lot's staff: covers nothing from then on, not even the days it had left. */
    ENDED;

    public boolean canMoveTo(PassStatus to) {
        return this == ACTIVE && Set.of(ENDED).contains(to);
    }
}
