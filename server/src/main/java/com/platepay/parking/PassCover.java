package com.platepay.parking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What a stay costs when passes cover part of it. Pure. The stay is priced by the tariff as one stay, and each
 * covered stretch takes off what it added to that price (the price up to its end less the price up to its
 * start), so a stay that starts the evening before a pass begins pays that evening, at the rates it would have
 * paid, and nothing for the pass's days. With no cover this is {@link TariffEngine#price}.
 */
public final class PassCover {

    /** A stretch of time a pass covers, {@code from} included, {@code until} excluded. */
    public record Cover(Instant from, Instant until) {
        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(until);
        }
    }

    private PassCover() {
    }

    /** The price of the stay less what the covers (which never overlap) take off. */
    public static long due(Tariff tariff, ZoneId zone, Instant entry, Instant exit, List<Cover> covers) {
        long total = TariffEngine.price(tariff, zone, entry, exit);
        long covered = 0;
        for (Cover c : covers) {
            Instant from = c.from().isAfter(entry) ? c.from() : entry;
            Instant until = c.until().isBefore(exit) ? c.until() : exit;
            if (until.isAfter(from)) {
                covered += TariffEngine.price(tariff, zone, entry, until) - TariffEngine.price(tariff, zone, entry, from);
            }
        }
        return Math.max(0, total - covered);
    }

    /**
     * What is still due when a driver who paid at {@code paidAt} leaves at {@code exit}: nothing within the grace
     * period, else what the stretch since paying adds, less what passes cover of it.
     */
    public static long dueAfterPayment(Tariff tariff, ZoneId zone, Instant entry, Instant paidAt, Instant exit, List<Cover> covers) {
        if (!exit.isAfter(paidAt.plus(tariff.grace()))) {
            return 0;
        }
        return Math.max(0, due(tariff, zone, entry, exit, covers) - due(tariff, zone, entry, paidAt, covers));
    }

    /** Whether a pass covers this instant (a stay without an entry read is covered when its exit is). */
    public static boolean covers(List<Cover> covers, Instant t) {
        return covers.stream().anyMatch(c -> c.contains(t));
    }
}
