package com.platepay.vault;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * What the vault needs to know about the people who hold cards, answered by enrollment (which depends on the vault,
 * never the other way round): who the signed-in driver is, and what must end when a card is removed.
 */
public interface CardHolders {

    /** The signed-in driver's id (the driver is created on first use). */
    Uni<UUID> currentDriverId();

    /** Ends whatever charges the card (its mandates); runs inside the removal's transaction. */
    Uni<Void> cardRemoved(UUID cardId);
}
