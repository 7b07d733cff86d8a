package com.platepay.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One side of a posting: positive is a debit to the account, negative a credit. */
@Entity
@Table(name = "ledger_entries")
public class LedgerEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "posting_id")
    public UUID postingId;
    public String account;
    public long amount;
    public String currency;
}
