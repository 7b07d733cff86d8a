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
        return make(charges, handhelds, plates, seed, fillShare, 0);
    }

    /** A quarter of the fleet (at least one handheld, more when the share of vouchers needs it) works offline at times. */
    static final double OFFLINE_FLEET_SHARE = 0.25;
    /** The most of its charges an offline handheld fills offline: it is online between its stretches. */
    static final double MOST_OFFLINE = 0.8;
    /**
     * Offline fills are for the stations' regulars: the busiest plates, charged at every station all the time, so they
     * stay among the 200 most recent a station's allow-list holds (with 100 plates, a full run saw 18 % of offline
     * fills refused as not on the list). Drawn evenly among them, so that one plate seldom meets its offline floor.
     */
    static final int OFFLINE_PLATES = 40;

    /** How many handhelds (the first ones) go offline now and then for {@code voucherShare} of all charges to be vouchers. */
    static int offlineHandhelds(int handhelds, double voucherShare) {
        if (voucherShare <= 0) {
            return 0;
        }
        int n = Math.max(1, (int) Math.ceil(handhelds * OFFLINE_FLEET_SHARE));
        while (n < handhelds && voucherShare * handhelds / n > MOST_OFFLINE) {
            n++;
        }
        return n;
    }

    /**
     * The plan with about {@code voucherShare} of the charges filled offline: the {@link #offlineHandhelds} go offline
     * for stretches of 2 to 4 fills, each a signed voucher, with online stretches between them (drawn from their own
     * seed, so the rest of the plan is the same).
     */
    static List<List<PlannedCharge>> make(int charges, int handhelds, List<String> plates, long seed, double fillShare, double voucherShare) {
        List<List<PlannedCharge>> plan = plain(charges, handhelds, plates, seed, fillShare);
        int offline = offlineHandhelds(handhelds, voucherShare);
        if (offline == 0) {
            return plan;
        }
        double local = Math.min(1, voucherShare * handhelds / offline);
        Random stretches = new Random(seed + 2);
        int regulars = Math.min(OFFLINE_PLATES, plates.size());
        for (int h = 0; h < offline; h++) {
            List<PlannedCharge> list = plan.get(h);
            // Online stretches average 3 (1 - local) / local charges, offline ones 3, so about `local` of them are vouchers.
            double onlineMean = 3 * (1 - local) / local;
            int i = (int) Math.round(-onlineMean * Math.log(1 - stretches.nextDouble()));
            while (i < list.size()) {
                int length = 2 + stretches.nextInt(3);
                for (int k = i; k < Math.min(list.size(), i + length); k++) {
                    PlannedCharge c = list.get(k);
                    list.set(k, new PlannedCharge(c.chargeId(), c.handheld(), plates.get(stretches.nextInt(regulars)), c.amount(), false, true));
                }
                i += length + Math.max(1, (int) Math.round(-onlineMean * Math.log(1 - stretches.nextDouble())));
            }
        }
        return plan;
    }

    private static List<List<PlannedCharge>> plain(int charges, int handhelds, List<String> plates, long seed, double fillShare) {
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
            perHandheld.get(h).add(new PlannedCharge(Ids.newUuidV7(), h, plate, amount, fills.nextDouble() < fillShare, false));
        }
        return perHandheld;
    }
}
