package com.platepay.parking;

import com.platepay.protocol.parking.PlateRead;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A lane: one camera device at a lot's entry or exit, and the confidence its reads need to move money. */
@Entity
@Table(name = "parking_lanes")
public class ParkingLane extends PanacheEntityBase {
    @Id
    @Column(name = "device_id")
    public UUID deviceId;
    @Column(name = "site_id")
    public UUID siteId;
    public String name;
    @Enumerated(EnumType.STRING)
    public PlateRead.Direction direction;
    /** Per mille; calibrated on photos the recogniser was not tuned on. */
    @Column(name = "confidence_threshold")
    public int confidenceThreshold;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
