package com.platepay.offline;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a voucher may make, each one conditional update on the state it leaves, so two uploads of one voucher
 * (on two replicas) can never both record an outcome:
 * <pre>
 * RECEIVED ──> PAID      (the charge was approved)
 *     └──────> ARREARS   (the charge was declined or could not be completed: the driver owes it)
 * </pre>
 */
public final class VoucherStateMachine {

    private static final Map<VoucherStatus, Set<VoucherStatus>> NEXT = new EnumMap<>(VoucherStatus.class);

    static {
        NEXT.put(VoucherStatus.RECEIVED, EnumSet.of(VoucherStatus.PAID, VoucherStatus.ARREARS));
        NEXT.put(VoucherStatus.PAID, EnumSet.noneOf(VoucherStatus.class));
        NEXT.put(VoucherStatus.ARREARS, EnumSet.noneOf(VoucherStatus.class));
    }

    private VoucherStateMachine() {
    }

    public static boolean allows(VoucherStatus from, VoucherStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static void require(VoucherStatus from, VoucherStatus to) {
        if (!allows(from, to)) {
            throw new IllegalStateException("a voucher cannot move from " + from + " to " + to);
        }
    }
}
