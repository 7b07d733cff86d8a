package com.platepay.attendants;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A station attendant: a Keycloak user an operator created, allowed to see only the listed sites. */
@Entity
@Table(name = "attendants")
public class Attendant extends PanacheEntityBase {

    public enum Status { ACTIVE, DISABLED }

    @Id
    public UUID id;
    @Column(name = "operator_id")
    public UUID operatorId;
    /** The Keycloak user id: the `sub` of the attendant's tokens. */
    public String subject;
    public String username;
    @Enumerated(EnumType.STRING)
    public Status status;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "attendant_sites", joinColumns = @JoinColumn(name = "attendant_id"))
    @Column(name = "site_id")
    public Set<UUID> siteIds = new HashSet<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
