package com.platepay.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * One run of the suite. Rates are fractions (0.05 = 5 %). The bounds keep the run finite: a handheld gives a
 * charge up after {@code chargeGiveUp}, and the janitor gets {@code janitorBound} after the load to settle the rest,
 * and the load itself stops at {@code loadBound}. {@code sharedCards} asks the seeder for drivers with two plates on
 * one card and cards bound by two drivers, so caps are checked beyond a single mandate.
 * {@code fillShare} of the charges are fills: a cylinder-check whose hold the charge completes. {@code voucherShare}
 * of them are filled offline: a share of the handhelds goes offline for stretches and issues signed vouchers, which
 * it uploads when it is back.
 * {@code replicas} servers share the database and the external broker's shared subscription; the first seeds the fleet.
 */
record SuiteConfig(int charges, int handhelds, int plates, boolean sharedCards, long seed, Path workDir, Path serverJar, Acquirer acquirer,
                   BrokerMode broker, int replicas, Set<FaultKind> faults, Duration resultTimeout, Duration chargeGiveUp,
                   Duration janitorBound, Duration loadBound, double duplicateRate, double bankTimeoutRate, double bankFailureRate,
                   double fillShare, double voucherShare) {

    SuiteConfig {
        if (charges < 1 || handhelds < 1 || plates < 1) {
            throw new IllegalArgumentException("charges, handhelds and plates must be positive");
        }
        if (replicas < 1 || replicas > 4) {
            throw new IllegalArgumentException("replicas is 1 to 4");
        }
        if (replicas > 1 && acquirer.kind() == Acquirer.Kind.ISO8583) {
            throw new IllegalArgumentException("replicas run on the HTTP bank only for now: each would need its own ISO 8583 terminal id");
        }
        if (replicas > 1 && broker == BrokerMode.EMBEDDED) {
            throw new IllegalArgumentException("replicas share an external broker: use --broker mosquitto (or auto with Mosquitto installed)");
        }
        if (fillShare < 0 || fillShare > 1) {
            throw new IllegalArgumentException("the share of fills is 0 to 1");
        }
        if (voucherShare < 0 || voucherShare > LoadPlan.MOST_OFFLINE) {
            throw new IllegalArgumentException("the share of vouchers is 0 to " + LoadPlan.MOST_OFFLINE);
        }
        faults = faults.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(faults);
    }

    /** One plate per 25 charges (at least 40), so busy plates meet their daily caps now and then. */
    static int defaultPlates(int charges) {
        return Math.max(40, charges / 25);
    }

    /** Whether the fleet needs cylinders (and the stations a unit price): fills, and offline fills of listed vehicles. */
    boolean cylinders() {
        return fillShare > 0 || voucherShare > 0;
    }

    boolean has(FaultKind kind) {
        return faults.contains(kind);
    }
}
