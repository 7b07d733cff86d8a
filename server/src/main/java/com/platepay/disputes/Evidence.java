package com.platepay.disputes;

import java.time.Instant;
import java.util.UUID;

/**
 * What the system holds about a charge, as the driver and the operator see it in a dispute: where (site, device,
 * pump or lane), when (the device's time and the server's), what (plate, amount, volume), the bank's answer, and
 * for parking the stay and the SHA-256 of the plate crops the lane box read (the images stay on the box).
 */
public record Evidence(UUID chargeId, String chargeRef, String category, UUID siteId, String siteName, UUID deviceId,
                       String deviceName, String pumpOrLane, String attendant, String plate, String plateColour, long amount,
                       String currency, Long volumeMilli, String volumeUnit, Long unitPrice, Instant capturedAt,
                       Instant receivedAt, String status, String reasonCode, String approvalCode, String maskedCard,
                       Parking parking) {

    /** The stay a parking charge paid for. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ParkingStay")
    public record Parking(UUID sessionId, Instant entryAt, Instant exitAt, String entryCropSha256, String exitCropSha256,
                          Integer exitConfidence, String exitMatch) {
    }
}
