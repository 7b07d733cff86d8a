package com.platepay.refunds;

import static com.platepay.refunds.RefundStatus.FAILED;
import static com.platepay.refunds.RefundStatus.REQUESTED;
import static com.platepay.refunds.RefundStatus.SENT;
import static com.platepay.refunds.RefundStatus.SUCCEEDED;
import static com.platepay.refunds.RefundStatus.UNKNOWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a refund may make. {@link RefundStore} makes each one a conditional update on the state it leaves:
 *
 * <pre>
 * REQUESTED ──> SENT ──> SUCCEEDED | FAILED | UNKNOWN
 *                 ^                             │
 *                 └──────── retry (same key) ───┘
 * </pre>
 */
public final class RefundStateMachine {

    private static final Map<RefundStatus, Set<RefundStatus>> NEXT = new EnumMap<>(RefundStatus.class);

    static {
        NEXT.put(REQUESTED, EnumSet.of(SENT));
        NEXT.put(SENT, EnumSet.of(SUCCEEDED, FAILED, UNKNOWN));
        NEXT.put(UNKNOWN, EnumSet.of(SENT));
        NEXT.put(SUCCEEDED, EnumSet.noneOf(RefundStatus.class));
        NEXT.put(FAILED, EnumSet.noneOf(RefundStatus.class));
    }

    private RefundStateMachine() {
    }

    public static boolean allowed(RefundStatus from, RefundStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** For the statements that make a move: fails at class load when a statement makes a move the machine forbids. */
    static void require(RefundStatus from, RefundStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("a refund cannot move " + from + " -> " + to);
        }
    }
}
