package com.platepay.parking;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A lot's monthly passes: created and ended by its staff (audited in the same transaction), looked up at the exit
 * and for the lanes' allow-lists. A plate has at most one active pass at a lot on any day, so the passes covering
 * a stay never overlap.
 */
@ApplicationScoped
public class Passes {

    /** Longer passes are a typo more often than a customer. */
    static final int MAX_DAYS = 366;

    private final AuditLog audit;

    public Passes(AuditLog audit) {
        this.audit = audit;
    }

    /** Must run in a transaction. Overlapping passes of one plate are refused under the lot's row lock. */
    Uni<ParkingPass> create(ParkingLot lot, PlateNumber plate, PlateColour colour, LocalDate from, LocalDate to, String holder) {
        if (to.isBefore(from)) {
            throw ApiException.badRequest("INVALID_PASS_DATES", "validTo is before validFrom");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.badRequest("INVALID_PASS_DATES", "a pass covers at most " + MAX_DAYS + " days");
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("select site_id from parking_lots where site_id = ?1 for update")
                        .setParameter(1, lot.siteId).getSingleResult())
                .flatMap(locked -> ParkingPass.count("siteId = ?1 and plate = ?2 and plateColour = ?3 and status = ?4 "
                        + "and validFrom <= ?5 and validTo >= ?6", lot.siteId, plate.text(), colour.name(), PassStatus.ACTIVE, to, from))
                .flatMap(overlapping -> {
                    if (overlapping > 0) {
                        throw ApiException.conflict("PASS_OVERLAPS", "this plate already has an active pass at this lot on some of these days");
                    }
                    ParkingPass p = new ParkingPass();
                    p.id = UUID.randomUUID();
                    p.siteId = lot.siteId;
                    p.plate = plate.text();
                    p.plateColour = colour.name();
                    p.validFrom = from;
                    p.validTo = to;
                    p.holder = holder;
                    p.status = PassStatus.ACTIVE;
                    return p.<ParkingPass>persistAndFlush().call(saved -> Panache.getSession().flatMap(s -> s.refresh(saved)));
                })
                .call(p -> audit.record(AuditAction.PARKING_PASS_CREATED, AuditedResource.PARKING_PASS, p.id,
                        p.plate + " " + p.plateColour + " " + p.validFrom + ".." + p.validTo));
    }

    /** Must run in a transaction: ACTIVE -> ENDED, conditional on ACTIVE, with the reason audited. */
    Uni<ParkingPass> end(ParkingPass p, String reason) {
        if (!p.status.canMoveTo(PassStatus.ENDED)) {
            throw ApiException.conflict("PASS_ENDED", "this pass has ended already");
        }
        return ParkingPass.update("status = ?1, endedAt = ?2, endReason = ?3 where id = ?4 and status = ?5", PassStatus.ENDED,
                        Instant.now(), reason, p.id, PassStatus.ACTIVE)
                .flatMap(rows -> {
                    if (rows != 1) {
                        throw ApiException.conflict("PASS_ENDED", "this pass has ended already");
                    }
                    return audit.record(AuditAction.PARKING_PASS_ENDED, AuditedResource.PARKING_PASS, p.id, reason);
                })
                .flatMap(x -> ParkingPass.<ParkingPass>findById(p.id).call(fresh -> Panache.getSession().flatMap(s -> s.refresh(fresh))));
    }

    /**
     * The active passes of this plate and colour at this lot that cover some of the stay (no entry read: its
     * exit). Must run in a session.
     */
    Uni<List<ParkingPass>> covering(ParkingLot lot, String plate, String colour, Instant entry, Instant exit) {
        LocalDate first = firstDay(lot, entry, exit);
        LocalDate last = LocalDate.ofInstant(exit, lot.zone());
        return ParkingPass.list("siteId = ?1 and plate = ?2 and plateColour = ?3 and status = ?4 and validFrom <= ?5 and validTo >= ?6",
                lot.siteId, plate, colour, PassStatus.ACTIVE, last, first);
    }

    /** The same on the lane read path's transaction. */
    static Uni<List<ParkingPass>> covering(SqlClient tx, ParkingLot lot, String plate, String colour, Instant entry, Instant exit) {
        return LaneReadStore.covering(tx, lot.siteId, plate, colour, LocalDate.ofInstant(exit, lot.zone()), firstDay(lot, entry, exit));
    }

    /** A stay without an entry read is looked at on its exit's day only. */
    private static LocalDate firstDay(ParkingLot lot, Instant entry, Instant exit) {
        return LocalDate.ofInstant(entry != null ? entry : exit, lot.zone());
    }

    static List<PassCover.Cover> covers(List<ParkingPass> passes, ParkingLot lot) {
        return passes.stream().map(p -> p.cover(lot.zone())).toList();
    }
}
