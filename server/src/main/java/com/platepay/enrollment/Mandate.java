package com.platepay.enrollment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import com.platepay.sites.SiteCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The driver's standing consent to debit a card for a plate, within caps, at some kinds of site. */
@Entity
@Table(name = "mandates")
public class Mandate extends PanacheEntityBase {

    public enum Status { ACTIVE, PAUSED, REVOKED }

    @Id
    public UUID id;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "vehicle_id")
    public UUID vehicleId;
    @Column(name = "card_id")
    public UUID cardId;
    public String plate;
    public String colour;
    @Column(name = "allow_gas")
    public boolean allowGas;
    @Column(name = "allow_parking")
    public boolean allowParking;
    @Column(name = "per_charge_cap")
    public long perChargeCap;
    @Column(name = "daily_cap")
    public long dailyCap;
    public String currency;
    /** Changed only by MandateService.transition's conditional update (and revocations in bulk), never by a flush. */
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Status status;
    @Column(name = "consent_text")
    public String consentText;
    @Column(name = "consented_at")
    public Instant consentedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at", updatable = false)
    public Instant updatedAt;
    @Column(name = "revoked_at", updatable = false)
    public Instant revokedAt;

    public boolean allows(SiteCategory category) {
        return category == SiteCategory.GAS ? allowGas : allowParking;
    }
}
