package com.platepay.parking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A monthly (or any date range) pass: a plate + colour parks at one lot on the lot's local days validFrom to
 * validTo, both included, with nothing to pay. Written once; ending it is a conditional update.
 */
@Entity
@Table(name = "parking_passes")
public class ParkingPass extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "site_id")
    public UUID siteId;
    public String plate;
    @Column(name = "plate_colour")
    public String plateColour;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    public String holder;
    @Enumerated(EnumType.STRING)
    public PassStatus status;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "end_reason")
    public String endReason;

    /** The instants it covers: from the start of its first day to the start of the day after its last, in the lot's zone. */
    PassCover.Cover cover(ZoneId zone) {
        return new PassCover.Cover(validFrom.atStartOfDay(zone).toInstant(), validTo.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
