package com.platepay.enrollment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One upload of a vehicle's proof. The row holds what the image is (type, size, hash) and what was decided about it;
 * the image is a file ({@link ProofFiles}). Written once; the decision is set by one conditional update.
 */
@Entity
@Table(name = "vehicle_proofs")
public class VehicleProof extends PanacheEntityBase {

    public enum Decision { APPROVED, REJECTED, REPLACED }

    @Id
    public UUID id;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public int sizeBytes;
    public String sha256;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
    @Column(insertable = false, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Decision decision;
    @Column(name = "decided_at", insertable = false, updatable = false)
    public Instant decidedAt;
    @Column(name = "reviewer_subject", insertable = false, updatable = false)
    public String reviewerSubject;
    @Column(name = "reviewer_name", insertable = false, updatable = false)
    public String reviewerName;
    @Column(name = "reviewer_role", insertable = false, updatable = false)
    public String reviewerRole;
    @Column(name = "rejection_reason", insertable = false, updatable = false)
    public String rejectionReason;
}
