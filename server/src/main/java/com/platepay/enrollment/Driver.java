package com.platepay.enrollment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "drivers")
public class Driver extends PanacheEntityBase {
    @Id
    public UUID id;
    public String subject;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "created_at")
    public Instant createdAt;
}
