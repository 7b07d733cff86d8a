package com.platepay.protocol.offline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of a {@code handheld-allow-list} message: the vehicles a CNG station's handheld may fill and take a voucher
 * for while it cannot reach the server. Published by the server, signed with its key, retained on the handheld's
 * {@code command} topic (the lane box's allow-list, for handhelds). A handheld keeps the highest version it has
 * verified and refuses to work from a list after {@code validUntil} (the server re-publishes well before that).
 *
 * <p>A vehicle is listed when it has an active mandate that allows GAS, its proof is approved, and every cylinder in
 * service on it is confirmed and in date; {@code dailyFloor} is the most its vouchers may add up to per day, in
 * minor units (the site's floor, lowered to the mandate's daily cap).
 */
public record HandheldAllowList(
        @JsonProperty(value = "version", required = true) long version,
        @JsonProperty(value = "issuedAt", required = true) Instant issuedAt,
        @JsonProperty(value = "validUntil", required = true) Instant validUntil,
        @JsonProperty(value = "currency", required = true) String currency,
        @JsonProperty(value = "vehicles", required = true) List<Vehicle> vehicles) {

    public record Vehicle(@JsonProperty(value = "plate", required = true) String plate,
                          @JsonProperty(value = "plateColour", required = true) String plateColour,
                          @JsonProperty(value = "dailyFloor", required = true) long dailyFloor,
                          @JsonProperty(value = "cylinders", required = true) List<Cylinder> cylinders) {
    }

    /** A cylinder in service on the vehicle: its tag, what it takes, and the last day it may be filled before inspection. */
    public record Cylinder(@JsonProperty(value = "tagId", required = true) String tagId,
                           @JsonProperty(value = "medium", required = true) String medium,
                           @JsonProperty(value = "nextInspectionDue", required = true) LocalDate nextInspectionDue) {
    }
}
