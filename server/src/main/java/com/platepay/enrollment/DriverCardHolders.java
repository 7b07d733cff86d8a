package com.platepay.enrollment;

import com.platepay.vault.CardHolders;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Drivers as the vault sees them: a removed card revokes every mandate that charges it. */
@ApplicationScoped
public class DriverCardHolders implements CardHolders {

    private final DriverDirectory drivers;

    public DriverCardHolders(DriverDirectory drivers) {
        this.drivers = drivers;
    }

    @Override
    public Uni<UUID> currentDriverId() {
        return drivers.current().map(d -> d.id);
    }

    @Override
    public Uni<Void> cardRemoved(UUID cardId) {
        return Mandate.update("status = ?1, revokedAt = ?2, updatedAt = ?2 where cardId = ?3 and status <> ?1",
                Mandate.Status.REVOKED, Instant.now(), cardId).replaceWithVoid();
    }
}
