package com.platepay.parking;

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
 * One stay of one plate + colour at one lot. Written once when it opens; every later status change is a
 * conditional update through {@link SessionTransitions}.
 */
@Entity
@Table(name = "parking_sessions")
public class ParkingSession extends PanacheEntityBase {

    /** Why a session may never be debited without a person. */
    public enum Flag { PASSBACK, CLONE, LOST_ENTRY }

    @Id
    public UUID id;
    @Column(name = "site_id")
    public UUID siteId;
    public String plate;
    @Column(name = "plate_colour")
    public String plateColour;
    @Enumerated(EnumType.STRING)
    public SessionStatus status;
    @Enumerated(EnumType.STRING)
    public Flag flag;
    @Column(name = "review_reason")
    public String reviewReason;
    @Column(name = "entry_at")
    public Instant entryAt;
    @Column(name = "entry_device_id")
    public UUID entryDeviceId;
    @Column(name = "exit_at")
    public Instant exitAt;
    @Column(name = "exit_device_id")
    public UUID exitDeviceId;
    @Column(name = "exit_confidence")
    public Integer exitConfidence;
    @Column(name = "exit_match")
    public String exitMatch;
    public Long amount;
    public String currency;
    @Column(name = "charge_device_id")
    public UUID chargeDeviceId;
    @Column(name = "debit_attempts")
    public int debitAttempts;
    @Column(name = "charge_ref")
    public String chargeRef;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    /** Whose card the declined debit was tried on: the driver who sees these arrears and may settle them. */
    @Column(name = "driver_id")
    public UUID driverId;
    /** Debits the driver asked for from the app (at most the lot's maxDebitAttempts). */
    @Column(name = "settle_attempts")
    public int settleAttempts;
    /** The monthly pass that covered the stay. */
    @Column(name = "pass_id")
    public UUID passId;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
}
