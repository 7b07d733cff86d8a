package com.platepay.charging;

import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.SiteCategory;
import java.time.Instant;
import java.util.UUID;

/** A charge request that has passed device authentication and validation. */
public record ChargeCommand(UUID deviceId, UUID siteId, UUID operatorId, SiteCategory siteCategory, String chargeRef,
                            String requestHash, PlateNumber plate, PlateColour colour, long amount, String currency,
                            Long volumeMilli, String volumeUnit, Long unitPrice, String pump, String attendant,
                            Instant capturedAt) {
}
