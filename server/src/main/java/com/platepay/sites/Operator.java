package com.platepay.sites;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A station chain or lot company. Today one signed-in operator user owns one organisation. */
@Entity
@Table(name = "operators")
public class Operator extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "owner_subject")
    public String ownerSubject;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
}
