package com.platepay.parking;

import com.platepay.protocol.parking.AllowList;
import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Sends a lane what is not an answer to a read: a manual open, its allow-list. The device gateway implements it. */
public interface LaneCommands {

    Uni<Void> send(UUID siteId, UUID deviceId, LaneDecision decision);

    /** Retained, so a box that connects later gets the newest list at once. */
    Uni<Void> publishAllowList(UUID siteId, UUID deviceId, AllowList list);
}
