package com.platepay.cylinders;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A cylinder in the registry. Written once when the driver registers it; afterwards only its status (and who
 * confirmed it) change, through {@link CylinderRegistry}'s conditional updates, never by this entity.
 */
@Entity
@Table(name = "cylinders")
public class Cylinder extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    public String plate;
    public String colour;
    @Column(name = "tag_id")
    public String tagId;
    public String serial;
    public String medium;
    @Column(name = "working_pressure_kpa")
    public int workingPressureKpa;
    @Column(name = "water_capacity_ml")
    public long waterCapacityMl;
    @Column(name = "manufactured_on")
    public LocalDate manufacturedOn;
    @Column(name = "last_inspected_on")
    public LocalDate lastInspectedOn;
    @Column(name = "next_inspection_due")
    public LocalDate nextInspectionDue;
    @Column(name = "design_life_years")
    public int designLifeYears;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public CylinderStatus status;
    @Column(name = "status_reason", updatable = false)
    public String statusReason;
    @Column(name = "confirmed_by", updatable = false)
    public String confirmedBy;
    @Column(name = "confirmed_at", updatable = false)
    public Instant confirmedAt;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", updatable = false)
    public Instant updatedAt;

    /** The last day the cylinder may be in service: its design life from the manufacture date. */
    public LocalDate endOfLife() {
        return manufacturedOn.plusYears(designLifeYears);
    }
}
