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
            select ?1, ?2, ?3 where ?3 <= ?4
            on conflict (mandate_id, day) do update
                set reserved = mandate_daily_usage.reserved + excluded.reserved
                where mandate_daily_usage.reserved + excluded.reserved <= ?4
            returning reserved""";

    private static final String RELEASE = """
            update mandate_daily_usage set reserved = reserved - ?3
            where mandate_id = ?1 and day = ?2 and reserved >= ?3""";

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
