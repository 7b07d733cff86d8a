package com.platepay.parking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A read as a lane box sent it, stored once per (device, seq): the box's journal sequence. */
@Entity
@Table(name = "plate_reads")
public class PlateReadRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "device_id")
    public UUID deviceId;
    public long seq;
    @Column(name = "site_id")
    public UUID siteId;
    public String direction;
    public String plate;
    @Column(name = "plate_colour")
    public String plateColour;
    public int confidence;
    /** The candidates as "plate:score" separated by commas. */
    public String candidates;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "crop_sha256")
    public String cropSha256;
    @Column(name = "opened_offline")
    public boolean openedOffline;
    @Column(name = "session_id")
    public UUID sessionId;
    public String decision;
    @Column(name = "received_at", insertable = false, updatable = false)
    public Instant receivedAt;
}
