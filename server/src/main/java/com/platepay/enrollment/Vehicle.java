package com.platepay.enrollment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A driver's claim on a plate + colour. Anyone may claim a plate; it pays frictionlessly only once a person has
 * approved the proof (see {@link VerificationStateMachine}; {@code verification} changes only through
 * {@link VehicleProofs} and {@link ProofReview}, each move a conditional update).
 */
@Entity
@Table(name = "vehicles")
public class Vehicle extends PanacheEntityBase {

    public enum Verification { UNVERIFIED, PENDING, APPROVED, REJECTED }

    @Id
    public UUID id;
    @Column(name = "driver_id")
    public UUID driverId;
    public String plate;
    public String colour;
    @Column(name = "created_at")
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Verification verification;
    @Column(name = "proof_id", insertable = false, updatable = false)
    public UUID proofId;
    @Column(name = "verified_at", insertable = false, updatable = false)
    public Instant verifiedAt;
    @Column(name = "rejection_reason", insertable = false, updatable = false)
    public String rejectionReason;
}
