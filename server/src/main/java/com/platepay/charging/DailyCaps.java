package com.platepay.charging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Daily cap reservations per card (by the vault's fingerprint, so the same card in any mandate or account counts
 * once) and per driver. They are taken by {@code admit_charge} (V8) when a charge is stored, one conditional upsert
 * per counter, so the database serialises concurrent charges on the counter's row and a cap can never be overrun. A
 * card's limit is the daily cap of the mandate that charges it (the strictest cap wins); a driver's is the
 * platform's per-person limit. This class gives reservations back when the money did not move, and reserves for the
 * payments that do not go through {@code admit_charge} (holds).
 */
@ApplicationScoped
public class DailyCaps {

    static final String CARD = "CARD";
    static final String DRIVER = "DRIVER";

    private static final String RESERVE = """
            insert into daily_usage as u (scope, owner, day, reserved)
            select ?1, ?2, cast(?3 as date), cast(?4 as bigint) where cast(?4 as bigint) <= cast(?5 as bigint)
            on conflict (scope, owner, day) do update set reserved = u.reserved + excluded.reserved
                where u.reserved + excluded.reserved <= cast(?5 as bigint)""";

    private static final String RELEASE = """
            update daily_usage set reserved = reserved - cast(?4 as bigint)
            where scope = ?1 and owner = ?2 and day = cast(?3 as date) and reserved >= cast(?4 as bigint)""";

    private static final String RELEASE_CARD_OF_CHARGE = """
            update daily_usage set reserved = reserved - cast(?3 as bigint)
            where scope = 'CARD' and owner = (select pan_fingerprint from cards where id = ?1)
              and day = cast(?2 as date) and reserved >= cast(?3 as bigint)""";

    /** Gives back a reservation whose charge did not take money. Must run inside a transaction. */
    public Uni<Void> release(UUID cardId, UUID driverId, LocalDate day, long amount) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(RELEASE_CARD_OF_CHARGE)
                        .setParameter(1, cardId).setParameter(2, day).setParameter(3, amount)
                        .executeUpdate())
                .flatMap(x -> release(DRIVER, driverId.toString(), day, amount));
    }

    /**
     * Reserves {@code amount} under the card's and then the driver's cap (the same lock order as {@code admit_charge}),
     * for a payment that does not go through it (a CNG hold). False, with nothing reserved, when either has no room.
     * Must run inside a transaction.
     */
    public Uni<Boolean> reserve(String cardFingerprint, UUID driverId, LocalDate day, long amount, long cardCap, long driverCap) {
        return reserve(CARD, cardFingerprint, day, amount, cardCap).flatMap(card -> !card ? Uni.createFrom().item(false)
                : reserve(DRIVER, driverId.toString(), day, amount, driverCap).flatMap(driver -> driver ? Uni.createFrom().item(true)
                        : release(CARD, cardFingerprint, day, amount).replaceWith(false)));
    }

    /** Gives back what {@link #reserve} took, or part of it. Must run inside a transaction. */
    public Uni<Void> release(String cardFingerprint, UUID driverId, LocalDate day, long amount) {
        if (amount <= 0) {
            return Uni.createFrom().voidItem();
        }
        return release(CARD, cardFingerprint, day, amount).flatMap(x -> release(DRIVER, driverId.toString(), day, amount));
    }

    private static Uni<Boolean> reserve(String scope, String owner, LocalDate day, long amount, long cap) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(RESERVE).setParameter(1, scope).setParameter(2, owner)
                .setParameter(3, day).setParameter(4, amount).setParameter(5, cap).executeUpdate()).map(rows -> rows == 1);
    }

    private static Uni<Void> release(String scope, String owner, LocalDate day, long amount) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(RELEASE)
                        .setParameter(1, scope).setParameter(2, owner).setParameter(3, day).setParameter(4, amount)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
