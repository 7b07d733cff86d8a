package com.platepay.cylinders;

import com.platepay.audit.Actor;
import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.enrollment.Vehicle;
import com.platepay.platform.ApiException;
import com.platepay.platform.ConditionalUpdate;
import com.platepay.platform.Db;
import com.platepay.protocol.cylinder.Media;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The cylinder registry: drivers register the cylinders fitted to their vehicles (the tag and the inspection
 * certificate's data), operators and admins confirm or flag them, and either side may retire one. Every change is
 * audited in its own transaction; every status change is a move of {@link CylinderStateMachine}, conditional on the
 * state it leaves. A driver's cylinder is "not found" for any other driver. Must run inside a transaction.
 */
@ApplicationScoped
public class CylinderRegistry {

    public static final int MAX_LIST = 200;

    /** What a driver states when registering a cylinder, from its certificate. */
    public record Registration(UUID vehicleId, String tagId, String serial, String medium, int workingPressureKpa,
                               long waterCapacityMl, LocalDate manufacturedOn, LocalDate lastInspectedOn,
                               LocalDate nextInspectionDue, int designLifeYears) {
    }

    private final AuditLog audit;

    public CylinderRegistry(AuditLog audit) {
        this.audit = audit;
    }

    public Uni<Cylinder> register(UUID driverId, Registration r, Actor actor) {
        validate(r);
        return Vehicle.<Vehicle>find("id = ?1 and driverId = ?2", r.vehicleId(), driverId).firstResult().flatMap(v -> {
            if (v == null) {
                throw ApiException.notFound("vehicle");
            }
            Cylinder c = new Cylinder();
            c.id = UUID.randomUUID();
            c.driverId = driverId;
            c.vehicleId = v.id;
            c.plate = v.plate;
            c.colour = v.colour;
            c.tagId = r.tagId();
            c.serial = r.serial().strip();
            c.medium = r.medium();
            c.workingPressureKpa = r.workingPressureKpa();
            c.waterCapacityMl = r.waterCapacityMl();
            c.manufacturedOn = r.manufacturedOn();
            c.lastInspectedOn = r.lastInspectedOn();
            c.nextInspectionDue = r.nextInspectionDue();
            c.designLifeYears = r.designLifeYears();
            c.status = CylinderStatus.PENDING;
            c.createdAt = Instant.now();
            c.updatedAt = c.createdAt;
            return c.<Cylinder>persistAndFlush();
        }).onFailure(Db::isUniqueViolation).transform(e -> ApiException.conflict("CYLINDER_TAG_IN_USE",
                        "a cylinder in service already has this tag; retire it first"))
                .call(c -> audit.recordAs(actor, AuditAction.CYLINDER_REGISTERED, AuditedResource.CYLINDER, c.id,
                        c.plate + " tag " + c.tagId + " serial " + c.serial + " due " + c.nextInspectionDue));
    }

    public Uni<List<Cylinder>> ofDriver(UUID driverId) {
        return Cylinder.<Cylinder>list("driverId = ?1 order by createdAt", driverId);
    }

    public Uni<Cylinder> ofDriver(UUID driverId, UUID cylinderId) {
        return Cylinder.<Cylinder>find("id = ?1 and driverId = ?2", cylinderId, driverId).firstResult().map(CylinderRegistry::found);
    }

    public Uni<List<Cylinder>> withStatus(CylinderStatus status) {
        return Cylinder.<Cylinder>find("status = ?1 order by createdAt", status).range(0, MAX_LIST - 1).list();
    }

    public Uni<Cylinder> get(UUID cylinderId) {
        return Cylinder.<Cylinder>findById(cylinderId).map(CylinderRegistry::found);
    }

    /** Staff checked the certificate: PENDING (or FLAGGED, once the problem is cleared) to ACTIVE. */
    public Uni<Cylinder> confirm(UUID cylinderId, Actor staff) {
        return get(cylinderId).flatMap(c -> {
            if (c.status != CylinderStatus.PENDING && c.status != CylinderStatus.FLAGGED) {
                throw ApiException.conflict("CYLINDER_NOT_REVIEWABLE", "only a PENDING or FLAGGED cylinder can be confirmed");
            }
            Instant now = Instant.now();
            return move(c, CylinderStatus.ACTIVE, ConditionalUpdate.of("cylinders", c.id, c.status, CylinderStatus.ACTIVE)
                    .set("status_reason", null).set("confirmed_by", staff.subject()).set("confirmed_at", now), null)
                    .invoke(x -> {
                        c.confirmedBy = staff.subject();
                        c.confirmedAt = now;
                    })
                    .call(x -> audit.recordAs(staff, AuditAction.CYLINDER_CONFIRMED, AuditedResource.CYLINDER, c.id, c.plate + " tag " + c.tagId));
        });
    }

    /** Staff found something wrong: no fill until it is cleared (confirmed again). */
    public Uni<Cylinder> flag(UUID cylinderId, String reason, Actor staff) {
        return get(cylinderId).flatMap(c -> {
            if (c.status != CylinderStatus.PENDING && c.status != CylinderStatus.ACTIVE) {
                throw ApiException.conflict("CYLINDER_NOT_FLAGGABLE", "only a PENDING or ACTIVE cylinder can be flagged");
            }
            return move(c, CylinderStatus.FLAGGED, ConditionalUpdate.of("cylinders", c.id, c.status, CylinderStatus.FLAGGED)
                    .set("status_reason", reason), reason)
                    .call(x -> audit.recordAs(staff, AuditAction.CYLINDER_FLAGGED, AuditedResource.CYLINDER, c.id, reason));
        });
    }

    /** Out of service for good; its tag may then be registered again. */
    public Uni<Cylinder> retire(Cylinder c, String reason, Actor actor) {
        if (c.status == CylinderStatus.RETIRED) {
            throw ApiException.conflict("CYLINDER_RETIRED", "this cylinder is already retired");
        }
        return move(c, CylinderStatus.RETIRED, ConditionalUpdate.of("cylinders", c.id, c.status, CylinderStatus.RETIRED)
                .set("status_reason", reason), reason)
                .call(x -> audit.recordAs(actor, AuditAction.CYLINDER_RETIRED, AuditedResource.CYLINDER, c.id, reason));
    }

    /** The move, or a conflict when another writer moved the cylinder first (its decision stands). */
    private static Uni<Cylinder> move(Cylinder c, CylinderStatus to, ConditionalUpdate update, String reason) {
        CylinderStateMachine.require(c.status, to);
        return update.apply().map(moved -> {
            if (!moved) {
                throw ApiException.conflict("CYLINDER_CHANGED", "the cylinder was changed meanwhile; reload it");
            }
            c.status = to;
            c.statusReason = reason;
            return c;
        });
    }

    private static Cylinder found(Cylinder c) {
        if (c == null) {
            throw ApiException.notFound("cylinder");
        }
        return c;
    }

    private static void validate(Registration r) {
        if (r.tagId() == null || !r.tagId().matches("[A-Za-z0-9_-]{4,64}")) {
            throw ApiException.badRequest("INVALID_TAG", "tagId is 4 to 64 letters, digits, '_' or '-'");
        }
        if (r.serial() == null || r.serial().isBlank() || r.serial().length() > 64) {
            throw ApiException.badRequest("INVALID_SERIAL", "serial is 1 to 64 characters");
        }
        if (!Media.ALL.contains(r.medium())) {
            throw ApiException.badRequest("INVALID_MEDIUM", "medium is one of " + Media.ALL);
        }
        if (r.workingPressureKpa() < 100 || r.workingPressureKpa() > 100_000) {
            throw ApiException.badRequest("INVALID_PRESSURE", "workingPressureKpa is 100 to 100000 (20 MPa is 20000)");
        }
        if (r.waterCapacityMl() < 1_000 || r.waterCapacityMl() > 2_000_000) {
            throw ApiException.badRequest("INVALID_CAPACITY", "waterCapacityMl is 1000 to 2000000 (80 L is 80000)");
        }
        if (r.designLifeYears() < 1 || r.designLifeYears() > 50) {
            throw ApiException.badRequest("INVALID_DESIGN_LIFE", "designLifeYears is 1 to 50");
        }
        if (r.manufacturedOn() == null || r.lastInspectedOn() == null || r.nextInspectionDue() == null
                || r.lastInspectedOn().isBefore(r.manufacturedOn()) || !r.nextInspectionDue().isAfter(r.lastInspectedOn())) {
            throw ApiException.badRequest("INVALID_DATES", "manufacturedOn <= lastInspectedOn < nextInspectionDue");
        }
    }
}
