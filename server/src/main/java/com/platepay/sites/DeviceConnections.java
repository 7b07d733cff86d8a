package com.platepay.sites;

import java.util.UUID;

/** Ends a device's live broker session, so a revoked secret or a disabled device stops at once, not at reconnect. */
public interface DeviceConnections {
    void cut(UUID deviceId);
}
