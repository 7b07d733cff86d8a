package com.platepay.enrollment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "vehicles")
public class Vehicle extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "driver_id")
    public UUID driverId;
    public String plate;
    public String colour;
    @Column(name = "created_at")
    public Instant createdAt;
}
