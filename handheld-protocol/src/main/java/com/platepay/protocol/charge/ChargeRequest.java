package com.platepay.protocol.charge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Body of a {@code charge} message: the handheld asks for plate + amount to be debited.
 *
 * <p>chargeId is made by the device (UUIDv7 or ULID) and kept until it has the result; resending the same chargeId
 * never debits twice. plate is as typed or read (the server normalises); plateColour optional (BLUE, YELLOW, GREEN,
 * WHITE, BLACK); amount in minor units (fen), &gt; 0; currency ISO 4217 ("CNY"); volumeMilli thousandths of volumeUnit
 * ("M3" for CNG, "L"); unitPrice in fen per unit; pump id; capturedAt when filling ended; attendant id.
 * checkId, when set, names the cylinder-check before this fill: the charge completes that check's hold instead of a
 * new debit. Required: chargeId, plate, amount, currency, capturedAt.
 */
public record ChargeRequest(
        @JsonProperty(value = "chargeId", required = true) String chargeId,
        @JsonProperty(value = "plate", required = true) String plate,
        String plateColour,
        @JsonProperty(value = "amount", required = true) long amount,
        @JsonProperty(value = "currency", required = true) String currency,
        Long volumeMilli,
        String volumeUnit,
        Long unitPrice,
        String pump,
        @JsonProperty(value = "capturedAt", required = true) Instant capturedAt,
        String attendant,
        String checkId) {

    /** A charge that names no cylinder check (a plain debit). */
    public ChargeRequest(String chargeId, String plate, String plateColour, long amount, String currency, Long volumeMilli,
                         String volumeUnit, Long unitPrice, String pump, Instant capturedAt, String attendant) {
        this(chargeId, plate, plateColour, amount, currency, volumeMilli, volumeUnit, unitPrice, pump, capturedAt, attendant, null);
    }
}
