package com.platepay.holds;

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

/** A hold as read; written only by {@link HoldStore} (insert and conditional moves), never through this entity. */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "holds")
public class Hold extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "check_id")
    public UUID checkId;
    @Column(name = "device_id")
    public UUID deviceId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "mandate_id")
    public UUID mandateId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "card_id")
    public UUID cardId;
    @Column(name = "card_fingerprint")
    public String cardFingerprint;
    @Column(name = "masked_card")
    public String maskedCard;
    public String plate;
    public String colour;
    public long amount;
    public String currency;
    @Column(name = "unit_price")
    public long unitPrice;
    @Column(name = "business_day")
    public LocalDate businessDay;
    @Enumerated(EnumType.STRING)
    public HoldStatus status;
    @Column(name = "reason_code")
    public String reasonCode;
    @Column(name = "approval_code")
    public String approvalCode;
    @Column(name = "bank_reference")
    public String bankReference;
    @Column(name = "charge_ref")
    public String chargeRef;
    @Column(name = "charge_hash")
    public String chargeHash;
    @Column(name = "charge_body")
    public String chargeBody;
    public Long captured;
    @Column(name = "charge_id")
    public UUID chargeId;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "check_attempts")
    public int checkAttempts;
}
