package com.platepay.parking;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Sends a lane an order outside the answer to a read (a manual open). The device gateway implements it. */
public interface LaneCommands {

    Uni<Void> send(UUID siteId, UUID deviceId, LaneDecision decision);
}
