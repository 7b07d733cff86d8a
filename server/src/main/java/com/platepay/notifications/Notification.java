package com.platepay.notifications;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "notifications")
public class Notification extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "charge_id")
    public UUID chargeId;
    public String kind;
    public String title;
    public String body;
    /** The plate the notice is about, and its reason code, the reviewer's reason or the dispute's state. */
    public String plate;
    public String detail;
    @Column(name = "created_at")
    public Instant createdAt;
}
