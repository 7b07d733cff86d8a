package com.platepay.sites;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A station chain or lot company. Its operator users are its {@link OperatorMember}s. */
@Entity
@Table(name = "operators")
public class Operator extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The user who founded it. */
    @Column(name = "owner_subject")
    public String ownerSubject;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
}
