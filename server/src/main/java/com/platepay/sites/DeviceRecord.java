package com.platepay.sites;

import java.util.UUID;

/** What the gateway and the broker need to know about a device, read in one query. */
public record DeviceRecord(UUID id, UUID siteId, UUID operatorId, SiteCategory siteCategory, String type, String status,
                           String passwordHash, String publicKey) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
