package com.platepay.disputes;

import static com.platepay.disputes.DisputeStatus.OPEN;
import static com.platepay.disputes.DisputeStatus.REJECTED;
import static com.platepay.disputes.DisputeStatus.UNDER_REVIEW;
import static com.platepay.disputes.DisputeStatus.UPHELD;
import static com.platepay.disputes.DisputeStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a dispute may make. {@link Disputes} makes each one a conditional update on the state it leaves, so a
 * withdrawal racing a decision cannot both win:
 *
 * <pre>
 * OPEN ──> UNDER_REVIEW ──> UPHELD | REJECTED      (the site's operator)
 *   │            └────────> WITHDRAWN              (the driver)
 *   └──> UPHELD | REJECTED | WITHDRAWN
 * </pre>
 */
public final class DisputeStateMachine {

    private static final Map<DisputeStatus, Set<DisputeStatus>> NEXT = new EnumMap<>(DisputeStatus.class);

    static {
        NEXT.put(OPEN, EnumSet.of(UNDER_REVIEW, UPHELD, REJECTED, WITHDRAWN));
        NEXT.put(UNDER_REVIEW, EnumSet.of(UPHELD, REJECTED, WITHDRAWN));
        NEXT.put(UPHELD, EnumSet.noneOf(DisputeStatus.class));
        NEXT.put(REJECTED, EnumSet.noneOf(DisputeStatus.class));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(DisputeStatus.class));
    }

    private DisputeStateMachine() {
    }

    public static boolean allowed(DisputeStatus from, DisputeStatus to) {
        return NEXT.get(from).contains(to);
    }
}
