package com.platepay.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the append-only audit log (the database refuses updates and deletes). */
@Entity
@Table(name = "audit_events")
public class AuditEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_name")
    public String actorName;
    @Column(name = "actor_role")
    public String actorRole;
    @Enumerated(EnumType.STRING)
    public AuditAction action;
    @Enumerated(EnumType.STRING)
    @Column(name = "resource_type")
    public AuditedResource resourceType;
    @Column(name = "resource_id")
    public UUID resourceId;
    /** A short human-readable note; never a card number or a secret. */
    public String detail;
}
