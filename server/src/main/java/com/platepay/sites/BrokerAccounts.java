package com.platepay.sites;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * What the MQTT broker must learn when a device's secret or state changes, called after the change committed.
 * The embedded broker asks the database at every connect, so it only has live sessions to cut; a broker that keeps
 * accounts of its own (Mosquitto's dynamic security) is told the device's password and topics. Either way a revoked
 * secret or a disabled device stops at once, not at its next reconnect.
 */
public interface BrokerAccounts {

    /** A new device: it may connect with this password, to its own topics only. */
    Uni<Void> created(UUID deviceId, UUID siteId, String password);

    /** New credentials: the old password is refused from now on and the live session is cut. */
    Uni<Void> rotated(UUID deviceId, UUID siteId, String password);

    /** Refused from now on, and the live session is cut. */
    Uni<Void> disabled(UUID deviceId);

    /** May connect again. */
    Uni<Void> enabled(UUID deviceId);
}
