package com.platepay.parking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalTime;

/** A lot's tariff and policies as an operator sets them (money in minor units of the site's currency). */
public record LotSettings(@NotBlank String timeZone,
                          @Min(0) int freeMinutes,
                          @Min(0) int firstPeriodMinutes,
                          @Min(0) long firstPeriodPrice,
                          @Min(1) int periodMinutes,
                          @Min(0) long periodPrice,
                          @Min(1) Long dailyCap,
                          @Pattern(regexp = "\\d{2}:\\d{2}") String nightStart,
                          @Pattern(regexp = "\\d{2}:\\d{2}") String nightEnd,
                          @Min(0) Long nightPrice,
                          @Min(0) int graceMinutes,
                          @Min(1) Long lostTicketPrice,
                          @NotNull ParkingLot.DeclinePolicy declinePolicy,
                          @Min(1) @Max(10) int maxDebitAttempts,
                          @Min(0) @Max(3600) int repeatWindowSeconds) {

    static LotSettings of(ParkingLot l) {
        return new LotSettings(l.timeZone, l.freeMinutes, l.firstPeriodMinutes, l.firstPeriodPrice, l.periodMinutes, l.periodPrice,
                l.dailyCap, l.nightStart == null ? null : l.nightStart.toString(), l.nightEnd == null ? null : l.nightEnd.toString(),
                l.nightPrice, l.graceMinutes, l.lostTicketPrice, l.declinePolicy, l.maxDebitAttempts, l.repeatWindowSecs);
    }

    void applyTo(ParkingLot l) {
        l.timeZone = timeZone;
        l.freeMinutes = freeMinutes;
        l.firstPeriodMinutes = firstPeriodMinutes;
        l.firstPeriodPrice = firstPeriodPrice;
        l.periodMinutes = periodMinutes;
        l.periodPrice = periodPrice;
        l.dailyCap = dailyCap;
        l.nightStart = nightStart == null ? null : LocalTime.parse(nightStart);
        l.nightEnd = nightEnd == null ? null : LocalTime.parse(nightEnd);
        l.nightPrice = nightPrice;
        l.graceMinutes = graceMinutes;
        l.lostTicketPrice = lostTicketPrice;
        l.declinePolicy = declinePolicy;
        l.maxDebitAttempts = maxDebitAttempts;
        l.repeatWindowSecs = repeatWindowSeconds;
    }
}
