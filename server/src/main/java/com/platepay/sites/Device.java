package com.platepay.sites;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A handheld, camera or barrier. Its id is its MQTT username and client id. */
@Entity
@Table(name = "devices")
public class Device extends PanacheEntityBase {

    public enum Type { HANDHELD, CAMERA, BARRIER }

    public enum Status { ACTIVE, DISABLED }

    @Id
    public UUID id;
    @Column(name = "site_id")
    public UUID siteId;
    @Enumerated(EnumType.STRING)
    public Type type;
    public String name;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "mqtt_password_hash")
    public String mqttPasswordHash;
    @Column(name = "public_key")
    public String publicKey;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
