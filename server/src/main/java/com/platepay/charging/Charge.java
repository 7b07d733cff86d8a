package com.platepay.charging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One charge request from a device and everything that happened to it. The entity is written once, when the
 * charge is first stored (AUTHORIZING or DECLINED); every later status change is a conditional update through
 * {@link ChargeTransitions}, following {@link ChargeStateMachine}. Times are the database's.
 */
@Entity
@Table(name = "charges")
public class Charge extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "device_id")
    public UUID deviceId;
    @Column(name = "charge_ref")
    public String chargeRef;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "request_hash")
    public String requestHash;
    public String plate;
    @Column(name = "plate_colour")
    public String plateColour;
    public long amount;
    public String currency;
    @Column(name = "volume_milli")
    public Long volumeMilli;
    @Column(name = "volume_unit")
    public String volumeUnit;
    @Column(name = "unit_price")
    public Long unitPrice;
    public String pump;
    public String attendant;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "business_day")
    public LocalDate businessDay;
    @Column(name = "mandate_id")
    public UUID mandateId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "card_id")
    public UUID cardId;
    @Column(name = "masked_card")
    public String maskedCard;
    @Enumerated(EnumType.STRING)
    public ChargeStatus status;
    @Column(name = "reason_code")
    public String reasonCode;
    @Column(name = "approval_code")
    public String approvalCode;
    @Column(name = "bank_reference")
    public String bankReference;
    @Column(name = "check_attempts")
    public int checkAttempts;
    @Column(name = "next_check_at")
    public Instant nextCheckAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;

    /** The state the charge is first stored in: its first move, out of RECEIVED. */
    void admit(ChargeStatus status, String reason) {
        ChargeStateMachine.require(this.status, status);
        this.status = status;
        this.reasonCode = reason;
    }
}
