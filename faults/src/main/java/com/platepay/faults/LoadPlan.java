package com.platepay.faults;

import com.platepay.protocol.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Which handheld charges which plate how much, decided up front from a seed. Amounts are CNY 1.00 to 30.00, so a
 * plate stays under its cap most of the day; a few plates are picked far more often than others (the regulars), and
 * those meet their daily caps.
 */
final class LoadPlan {
    static final long MIN_AMOUNT = 100;
    static final long MAX_AMOUNT = 3_000;

    private LoadPlan() {
    }

    /** The charges of each handheld, in the order it sends them. */
    static List<List<PlannedCharge>> make(int charges, int handhelds, List<String> plates, long seed) {
        return make(charges, handhelds, plates, seed, 0);
    }

    /** The same plan, with about {@code fillShare} of the charges made fills (drawn apart, so the plan is otherwise the same). */
    static List<List<PlannedCharge>> make(int charges, int handhelds, List<String> plates, long seed, double fillShare) {
        Random random = new Random(seed);
        Random fills = new Random(seed + 1);
        List<List<PlannedCharge>> perHandheld = new ArrayList<>();
        for (int h = 0; h < handhelds; h++) {
            perHandheld.add(new ArrayList<>());
        }
        for (int i = 0; i < charges; i++) {
            int h = i % handhelds;
            // Squaring a uniform number skews the choice towards the first plates: the regulars.
            double u = random.nextDouble();
            String plate = plates.get((int) (u * u * plates.size()));
            long amount = MIN_AMOUNT + random.nextInt((int) (MAX_AMOUNT - MIN_AMOUNT + 1));
            perHandheld.get(h).add(new PlannedCharge(Ids.newUuidV7(), h, plate, amount, fills.nextDouble() < fillShare));
        }
        return perHandheld;
    }
}
