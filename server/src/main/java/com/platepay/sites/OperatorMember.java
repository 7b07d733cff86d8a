package com.platepay.sites;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An operator user's place in one organisation (the subject is the primary key: one organisation per user). */
@Entity
@Table(name = "operator_members")
public class OperatorMember extends PanacheEntityBase {
    @Id
    public String subject;
    @Column(name = "operator_id")
    public UUID operatorId;
    public String username;
    @Column(name = "added_at")
    public Instant addedAt;
}
