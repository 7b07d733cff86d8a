package com.platepay.parking;

import static com.platepay.parking.SessionStatus.ARREARS;
import static com.platepay.parking.SessionStatus.CHARGING;
import static com.platepay.parking.SessionStatus.OPEN;
import static com.platepay.parking.SessionStatus.PAID;
import static com.platepay.parking.SessionStatus.REVIEW;
import static com.platepay.parking.SessionStatus.UNPAID;
import static com.platepay.parking.SessionStatus.WAIVED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a parking session may make. {@link SessionTransitions} makes each one conditional on the state it
 * leaves, so two exit reads at once price and debit a stay once:
 *
 * <pre>
 * OPEN ──> CHARGING ──> PAID ──> CHARGING          (overstay after the grace period)
 *  │ │         │  └───> ARREARS ──> CHARGING | WAIVED   (the driver settles, or staff waive)
 *  │ │         └──────> UNPAID  ──> CHARGING | WAIVED
 *  │ └──> PAID                                      (nothing due)
 *  ├────> REVIEW ──> CHARGING | UNPAID | PAID | WAIVED   (a person decided)
 *  └────> WAIVED
 * </pre>
 */
public final class SessionStateMachine {

    private static final Map<SessionStatus, Set<SessionStatus>> NEXT = new EnumMap<>(SessionStatus.class);

    static {
        NEXT.put(OPEN, EnumSet.of(CHARGING, PAID, REVIEW, WAIVED));
        NEXT.put(CHARGING, EnumSet.of(PAID, ARREARS, UNPAID));
        NEXT.put(PAID, EnumSet.of(CHARGING));
        NEXT.put(ARREARS, EnumSet.of(CHARGING, WAIVED));
        NEXT.put(UNPAID, EnumSet.of(CHARGING, WAIVED));
        NEXT.put(REVIEW, EnumSet.of(CHARGING, UNPAID, PAID, WAIVED));
        NEXT.put(WAIVED, EnumSet.noneOf(SessionStatus.class));
    }

    private SessionStateMachine() {
    }

    public static boolean allows(SessionStatus from, SessionStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static void require(SessionStatus from, SessionStatus to) {
        if (!allows(from, to)) {
            throw new IllegalStateException("a parking session cannot move from " + from + " to " + to);
        }
    }
}
