package com.platepay.vault;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A vaulted debit card. The id is the token; the number exists only as {@link #panCiphertext}. */
@Entity
@Table(name = "cards")
public class Card extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "pan_ciphertext")
    public byte[] panCiphertext;
    @Column(name = "pan_fingerprint")
    public String panFingerprint;
    public String bin;
    public String last4;
    @Column(name = "bank_name")
    public String bankName;
    @Column(name = "card_type")
    public String cardType;
    @Column(name = "expiry_month")
    public int expiryMonth;
    @Column(name = "expiry_year")
    public int expiryYear;
    @Column(name = "holder_name")
    public String holderName;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;

    /** What receipts and devices show: bank BIN, stars, last four. */
    public String masked() {
        return bin + "******" + last4;
    }

    @Override
    public String toString() {
        return "Card[" + id + " " + masked() + "]";
    }
}
