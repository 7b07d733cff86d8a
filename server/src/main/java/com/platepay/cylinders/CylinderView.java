package com.platepay.cylinders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A cylinder as its driver and reviewing staff see it. */
public record CylinderView(UUID id, UUID vehicleId, String plate, String colour, String tagId, String serial, String medium,
                           int workingPressureKpa, long waterCapacityMl, LocalDate manufacturedOn, LocalDate lastInspectedOn,
                           LocalDate nextInspectionDue, int designLifeYears, LocalDate endOfLife, String status, String statusReason,
                           Instant confirmedAt, Instant createdAt) {
    static CylinderView of(Cylinder c) {
        return new CylinderView(c.id, c.vehicleId, c.plate, c.colour, c.tagId, c.serial, c.medium, c.workingPressureKpa,
                c.waterCapacityMl, c.manufacturedOn, c.lastInspectedOn, c.nextInspectionDue, c.designLifeYears, c.endOfLife(),
                c.status.name(), c.statusReason, c.confirmedAt, c.createdAt);
    }
}
