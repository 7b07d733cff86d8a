package com.platepay.enrollment;

import static com.platepay.enrollment.Vehicle.Verification.APPROVED;
import static com.platepay.enrollment.Vehicle.Verification.PENDING;
import static com.platepay.enrollment.Vehicle.Verification.REJECTED;
import static com.platepay.enrollment.Vehicle.Verification.UNVERIFIED;

import com.platepay.enrollment.Vehicle.Verification;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every move a vehicle's verification may make. The database side ({@link VehicleProofs}, {@link ProofReview})
 * makes each one conditional on the state it leaves and on the proof it is about, so a decision on a proof the
 * driver has meanwhile replaced changes nothing:
 *
 * <pre>
 * UNVERIFIED ──upload──> PENDING ──approve──> APPROVED
 *                         │  ^ └──reject───> REJECTED ──upload──┐
 *                         └──┘ (a new upload replaces the proof) └──> PENDING
 * </pre>
 */
public final class VerificationStateMachine {

    private static final Map<Verification, Set<Verification>> NEXT = new EnumMap<>(Verification.class);

    static {
        NEXT.put(UNVERIFIED, EnumSet.of(PENDING));
        NEXT.put(PENDING, EnumSet.of(PENDING, APPROVED, REJECTED));
        NEXT.put(REJECTED, EnumSet.of(PENDING));
        NEXT.put(APPROVED, EnumSet.noneOf(Verification.class));
    }

    private VerificationStateMachine() {
    }

    public static boolean allowed(Verification from, Verification to) {
        return NEXT.get(from).contains(to);
    }

    /** The states a move to {@code to} may leave. */
    static Set<Verification> sourcesOf(Verification to) {
        Set<Verification> sources = EnumSet.noneOf(Verification.class);
        NEXT.forEach((from, targets) -> {
            if (targets.contains(to)) {
                sources.add(from);
            }
        });
        return sources;
    }
}
