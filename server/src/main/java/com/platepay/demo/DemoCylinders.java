package com.platepay.demo;

import com.platepay.audit.Actor;
import com.platepay.cylinders.Cylinder;
import com.platepay.cylinders.CylinderRegistry;
import com.platepay.enrollment.Driver;
import com.platepay.enrollment.Mandate;
import com.platepay.enrollment.MandateService;
import com.platepay.enrollment.SeededVerification;
import com.platepay.enrollment.Vehicle;
import com.platepay.platform.PlatePayConfig;
import com.platepay.platform.ReactiveContext;
import com.platepay.vault.Card;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The CNG station's demo data, so both answers of a cylinder-check can be seen: a confirmed cylinder in date on the
 * demo plate 黑E12345 (tag {@value #VALID_TAG}), and a second enrolled vehicle of the demo driver, 黑E54321, whose
 * confirmed cylinder (tag {@value #OVERDUE_TAG}) is past its inspection date. Idempotent.
 */
@ApplicationScoped
public class DemoCylinders {

    public static final String VALID_TAG = "CY-DEMO-0001";
    public static final String OVERDUE_TAG = "CY-DEMO-0002";
    public static final String SECOND_PLATE = "黑E54321";
    /** The demo operator's CNG station (DemoSeeder). */
    static final String STATION = "Daqing CNG Station 1";

    private final CylinderRegistry registry;
    private final MandateService mandates;
    private final SeededVerification verification;
    private final ReactiveContext reactive;
    private final PlatePayConfig config;

    public DemoCylinders(CylinderRegistry registry, MandateService mandates, SeededVerification verification, ReactiveContext reactive,
                         PlatePayConfig config) {
        this.registry = registry;
        this.mandates = mandates;
        this.verification = verification;
        this.reactive = reactive;
        this.config = config;
    }

    void seed(Driver driver, Vehicle demoVehicle, Actor seeder) throws Exception {
        LocalDate today = LocalDate.now(config.charging().businessZone());
        Vehicle second = reactive.run(() -> Panache.withTransaction(() -> Vehicle.<Vehicle>find("driverId = ?1 and plate = ?2",
                        driver.id, SECOND_PLATE).firstResult().flatMap(v -> v != null ? Uni.createFrom().item(v) : vehicle(driver).<Vehicle>persist())))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        Vehicle approved = reactive.run(() -> verification.approve(driver.id, second.id, seeder)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        reactive.run(() -> Panache.withTransaction(() -> Card.<Card>find("driverId = ?1 and status = 'ACTIVE'", driver.id).firstResult()
                        .flatMap(card -> Mandate.count("plate = ?1 and status <> ?2", SECOND_PLATE, Mandate.Status.REVOKED)
                                .flatMap(live -> live > 0 ? Uni.createFrom().voidItem()
                                        : mandates.create(driver, new MandateService.NewMandate(approved.id, card.id, 50_000, 100_000,
                                                Set.of("GAS"))).replaceWithVoid()))))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        // The station sells at 4.20 CNY per m3, so a passed check holds the tank's price.
        reactive.run(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update sites set unit_price = 420 where category = 'GAS' and unit_price is null and name = ?1")
                        .setParameter(1, STATION).executeUpdate()))).toCompletableFuture().get(30, TimeUnit.SECONDS);
        cylinder(driver, demoVehicle, VALID_TAG, today.minusYears(3), today.minusMonths(2), today.plusMonths(10), seeder);
        cylinder(driver, approved, OVERDUE_TAG, today.minusYears(6), today.minusYears(3), today.minusDays(30), seeder);
    }

    private void cylinder(Driver driver, Vehicle vehicle, String tag, LocalDate made, LocalDate inspected, LocalDate due, Actor seeder)
            throws Exception {
        reactive.run(() -> Panache.withTransaction(() -> Cylinder.count("tagId = ?1", tag).flatMap(n -> n > 0 ? Uni.createFrom().voidItem()
                        : registry.register(driver.id, new CylinderRegistry.Registration(vehicle.id, tag, "DQ-" + tag, "CNG", 20_000, 80_000,
                                made, inspected, due, 15), seeder).replaceWithVoid())))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        reactive.run(() -> Panache.withTransaction(() -> Cylinder.<Cylinder>find("tagId = ?1", tag).firstResult()
                        .flatMap(c -> c.status == com.platepay.cylinders.CylinderStatus.PENDING
                                ? registry.confirm(c.id, seeder).replaceWithVoid() : Uni.createFrom().voidItem())))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static Vehicle vehicle(Driver driver) {
        Vehicle v = new Vehicle();
        v.id = UUID.randomUUID();
        v.driverId = driver.id;
        v.plate = SECOND_PLATE;
        v.colour = "BLUE";
        v.createdAt = Instant.now();
        v.verification = Vehicle.Verification.UNVERIFIED;
        return v;
    }
}
