package com.platepay.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ledger_postings")
public class LedgerPosting extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "charge_id")
    public UUID chargeId;
    public String kind;
    @Column(name = "created_at")
    public Instant createdAt;
}
