package com.platepay.disputes;

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
 * A driver's dispute of one of their charges, with the evidence as it stood when it was opened. Written once; every
 * status change is a conditional update through {@link Disputes}.
 */
@Entity
@Table(name = "disputes")
public class Dispute extends PanacheEntityBase {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DisputeReason")
    public enum Reason { NOT_MY_VEHICLE, WRONG_AMOUNT, DUPLICATE, NOT_RECEIVED, OTHER }

    @Id
    public UUID id;
    @Column(name = "charge_id")
    public UUID chargeId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "site_id")
    public UUID siteId;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public DisputeStatus status;
    /** JSON of {@link Evidence}. */
    public String evidence;
    @Column(name = "resolution_note", updatable = false)
    public String resolutionNote;
    @Column(name = "handled_by_subject", updatable = false)
    public String handledBySubject;
    @Column(name = "handled_by_name", updatable = false)
    public String handledByName;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Column(name = "resolved_at", insertable = false, updatable = false)
    public Instant resolvedAt;
}
