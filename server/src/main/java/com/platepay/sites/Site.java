package com.platepay.sites;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "sites")
public class Site extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "operator_id")
    public UUID operatorId;
    public String name;
    @Enumerated(EnumType.STRING)
    public SiteCategory category;
    public String currency;
    @Column(name = "created_at")
    public Instant createdAt;
}
