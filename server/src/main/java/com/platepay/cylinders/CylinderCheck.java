package com.platepay.cylinders;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One stored answer to a handheld's cylinder-check; written once, never changed. */
@Entity
@Table(name = "cylinder_checks")
public class CylinderCheck extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "device_id")
    public UUID deviceId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "request_ref")
    public String requestRef;
    @Column(name = "request_hash")
    public String requestHash;
    public String plate;
    public String colour;
    @Column(name = "tag_id")
    public String tagId;
    @Column(name = "cylinder_id")
    public UUID cylinderId;
    public String medium;
    public String pump;
    public String attendant;
    @Column(name = "fill_code")
    public String fillCode;
    @Column(name = "payment_code")
    public String paymentCode;
    public Long remaining;
    public String currency;
    @Column(name = "next_inspection_due")
    public LocalDate nextInspectionDue;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
