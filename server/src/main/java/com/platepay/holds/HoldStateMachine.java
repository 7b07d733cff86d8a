package com.platepay.holds;

import static com.platepay.holds.HoldStatus.COMPLETED;
import static com.platepay.holds.HoldStatus.COMPLETING;
import static com.platepay.holds.HoldStatus.DECLINED;
import static com.platepay.holds.HoldStatus.HELD;
import static com.platepay.holds.HoldStatus.PLACING;
import static com.platepay.holds.HoldStatus.UNKNOWN;
import static com.platepay.holds.HoldStatus.VOIDED;
import static com.platepay.holds.HoldStatus.VOIDING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a hold may make. Each is one conditional update on the state it leaves
 * ({@link com.platepay.platform.ConditionalUpdate}), so the charge that completes a hold and the janitor that voids
 * it at expiry can never both win:
 *
 * <pre>
 * PLACING ──> HELD ──> COMPLETING ──> COMPLETED     (the charge took its amount; the rest went back)
 *    │          │  ^───────┘                      (the bank declined the completion: still held)
 *    │          └──> VOIDING ──> VOIDED             (expired: released at the bank and under the caps)
 *    ├──> DECLINED                                  (the bank refused the hold; caps given back)
 *    └──> UNKNOWN ──> VOIDING                       (no answer: void it, then give the caps back)
 * </pre>
 * A completion the bank has not acknowledged stays COMPLETING; the janitor sends the advice again (it is idempotent).
 */
public final class HoldStateMachine {

    private static final Map<HoldStatus, Set<HoldStatus>> NEXT = new EnumMap<>(HoldStatus.class);

    static {
        NEXT.put(PLACING, EnumSet.of(HELD, DECLINED, UNKNOWN));
        NEXT.put(HELD, EnumSet.of(COMPLETING, VOIDING));
        NEXT.put(COMPLETING, EnumSet.of(COMPLETED, HELD));
        NEXT.put(UNKNOWN, EnumSet.of(VOIDING));
        NEXT.put(VOIDING, EnumSet.of(VOIDED));
        NEXT.put(DECLINED, EnumSet.noneOf(HoldStatus.class));
        NEXT.put(COMPLETED, EnumSet.noneOf(HoldStatus.class));
        NEXT.put(VOIDED, EnumSet.noneOf(HoldStatus.class));
    }

    private HoldStateMachine() {
    }

    public static boolean allows(HoldStatus from, HoldStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static void require(HoldStatus from, HoldStatus to) {
        if (!allows(from, to)) {
            throw new IllegalStateException("a hold cannot move from " + from + " to " + to);
        }
    }
}
