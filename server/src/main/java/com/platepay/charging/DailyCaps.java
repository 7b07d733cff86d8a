package com.platepay.charging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Daily cap reservations. The check and the increment are one conditional upsert, so the database serialises
 * concurrent charges on the mandate's row and the cap can never be overrun.
 */
@ApplicationScoped
public class DailyCaps {

    private static final String RESERVE = """
            insert into mandate_daily_usage (mandate_id, day, reserved)
            select cast(?1 as uuid), cast(?2 as date), cast(?3 as bigint) where cast(?3 as bigint) <= cast(?4 as bigint)
            on conflict (mandate_id, day) do update
                set reserved = mandate_daily_usage.reserved + excluded.reserved
                where mandate_daily_usage.reserved + excluded.reserved <= cast(?4 as bigint)
            returning reserved""";

    private static final String RELEASE = """
            update mandate_daily_usage set reserved = reserved - cast(?3 as bigint)
            where mandate_id = ?1 and day = cast(?2 as date) and reserved >= cast(?3 as bigint)""";

    /** True when the amount fitted under the cap and is now reserved. Must run inside a transaction. */
    public Uni<Boolean> reserve(UUID mandateId, LocalDate day, long amount, long dailyCap) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(RESERVE)
                        .setParameter(1, mandateId).setParameter(2, day).setParameter(3, amount).setParameter(4, dailyCap)
                        .getResultList())
                .map(rows -> !rows.isEmpty());
    }

    /** Gives back a reservation whose charge did not take money. Must run inside a transaction. */
    public Uni<Void> release(UUID mandateId, LocalDate day, long amount) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(RELEASE)
                        .setParameter(1, mandateId).setParameter(2, day).setParameter(3, amount)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
