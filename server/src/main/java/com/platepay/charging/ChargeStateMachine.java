package com.platepay.charging;

import static com.platepay.charging.ChargeStatus.APPROVED;
import static com.platepay.charging.ChargeStatus.AUTHORIZING;
import static com.platepay.charging.ChargeStatus.DECLINED;
import static com.platepay.charging.ChargeStatus.RECEIVED;
import static com.platepay.charging.ChargeStatus.REVERSAL_FAILED;
import static com.platepay.charging.ChargeStatus.REVERSED;
import static com.platepay.charging.ChargeStatus.UNKNOWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a charge's status may make, in one place. The database side ({@link ChargeTransitions}) makes each
 * move conditional on the state it leaves, so a late answer can never overwrite a later decision:
 *
 * <pre>
 * RECEIVED ──> AUTHORIZING ──> APPROVED
 *    │              ├────────> DECLINED          (the bank refused; caps given back)
 *    └──> DECLINED  └────────> UNKNOWN ──> REVERSED         (the janitor's reversal was confirmed)
 *                                  ^  └──> REVERSAL_FAILED  (no confirmation within the bound: a person looks)
 *                                  └───────────┘            (an admin asks the janitor to try again)
 * </pre>
 */
public final class ChargeStateMachine {

    private static final Map<ChargeStatus, Set<ChargeStatus>> NEXT = new EnumMap<>(ChargeStatus.class);

    static {
        NEXT.put(RECEIVED, EnumSet.of(AUTHORIZING, DECLINED));
        NEXT.put(AUTHORIZING, EnumSet.of(APPROVED, DECLINED, UNKNOWN));
        NEXT.put(UNKNOWN, EnumSet.of(REVERSED, REVERSAL_FAILED));
        NEXT.put(REVERSAL_FAILED, EnumSet.of(UNKNOWN));
        NEXT.put(APPROVED, EnumSet.noneOf(ChargeStatus.class));
        NEXT.put(DECLINED, EnumSet.noneOf(ChargeStatus.class));
        NEXT.put(REVERSED, EnumSet.noneOf(ChargeStatus.class));
    }

    private ChargeStateMachine() {
    }

    public static boolean allows(ChargeStatus from, ChargeStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The move, or an {@link IllegalChargeTransition} when it is not one the machine allows. */
    public static void require(ChargeStatus from, ChargeStatus to) {
        if (!allows(from, to)) {
            throw new IllegalChargeTransition(from, to);
        }
    }

    /** A status no move leaves. */
    public static boolean isFinal(ChargeStatus status) {
        return NEXT.get(status).isEmpty();
    }

    public static final class IllegalChargeTransition extends IllegalStateException {
        IllegalChargeTransition(ChargeStatus from, ChargeStatus to) {
            super("a charge cannot move from " + from + " to " + to);
        }
    }
}
