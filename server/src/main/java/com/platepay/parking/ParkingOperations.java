package com.platepay.parking;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * What a lot's staff decide: a reviewed session resolved to the plate a person read (and then debited like an
 * exact read), a session waived, a barrier opened by hand. Each is audited in the transaction that makes it.
 */
@ApplicationScoped
public class ParkingOperations {

    private final SessionTransitions transitions;
    private final ExitPayment payment;
    private final LaneCommands commands;
    private final AuditLog audit;
    private final Passes passes;

    public ParkingOperations(SessionTransitions transitions, ExitPayment payment, LaneCommands commands, AuditLog audit, Passes passes) {
        this.transitions = transitions;
        this.payment = payment;
        this.commands = commands;
        this.audit = audit;
        this.passes = passes;
    }

    /**
     * Sets the plate a person confirmed and debits the stay as an exact read would be: less what a pass of that
     * plate covers (so a pass holder's misread exit costs nothing once resolved). The debit runs after that commit.
     */
    public Uni<ParkingSession> resolve(UUID operatorId, ParkingSession s, PlateNumber plate, PlateColour colour) {
        if (s.status != SessionStatus.REVIEW || s.exitDeviceId == null || s.amount == null) {
            throw ApiException.conflict("NOT_IN_REVIEW", "only a session in review that has left the lot can be resolved");
        }
        String detail = "plate " + s.plate + " " + s.plateColour + " -> " + plate.text() + " " + colour;
        return Panache.withTransaction(() -> ParkingLot.<ParkingLot>findById(s.siteId)
                        .flatMap(lot -> passes.covering(lot, plate.text(), colour.name(), s.entryAt, s.exitAt)
                                .map(onPass -> resolution(s, plate, colour, lot, onPass)))
                        .flatMap(move -> transitions.apply(move))
                        .flatMap(moved -> {
                            if (!moved) {
                                throw ApiException.conflict("NOT_IN_REVIEW", "the session has moved on");
                            }
                            return audit.record(AuditAction.PARKING_SESSION_RESOLVED, AuditedResource.PARKING_SESSION, s.id, detail)
                                    .flatMap(x -> reload(s.id));
                        }))
                .flatMap(fresh -> fresh.status != SessionStatus.CHARGING ? Uni.createFrom().item(fresh)
                        : Panache.withSession(() -> ParkingLot.<ParkingLot>findById(fresh.siteId)
                                        .flatMap(lot -> ChargeRefs.debit(fresh, operatorId, lot.declinePolicy, true)))
                                .flatMap(payment::pay)
                                .flatMap(x -> Panache.withSession(() -> reload(s.id))));
    }

    private static SessionTransitions.Move resolution(ParkingSession s, PlateNumber plate, PlateColour colour, ParkingLot lot,
                                                      List<ParkingPass> onPass) {
        List<PassCover.Cover> covers = Passes.covers(onPass, lot);
        long amount = onPass.isEmpty() ? s.amount
                : s.entryAt == null ? (PassCover.covers(covers, s.exitAt) ? 0 : s.amount)
                : PassCover.due(lot.tariff(), lot.zone(), s.entryAt, s.exitAt, covers);
        SessionStatus to = amount == 0 ? SessionStatus.PAID : SessionStatus.CHARGING;
        var move = SessionTransitions.move(s.id, SessionStatus.REVIEW, to).set("plate", plate.text()).set("plate_colour", colour.name())
                .set("resolved_by", "operator").set("amount", amount);
        if (!onPass.isEmpty()) {
            move.set("pass_id", onPass.get(0).id);
        }
        if (to == SessionStatus.PAID) {
            return move.set("paid_at", Instant.now());
        }
        int attempt = s.debitAttempts + 1;
        return move.set("charge_device_id", s.chargeDeviceId != null ? s.chargeDeviceId : s.exitDeviceId)
                .set("debit_attempts", attempt).set("charge_ref", ChargeRefs.ref(s.id, attempt));
    }

    public Uni<ParkingSession> waive(ParkingSession s, String reason) {
        if (!EnumSet.of(SessionStatus.OPEN, SessionStatus.REVIEW, SessionStatus.UNPAID, SessionStatus.ARREARS).contains(s.status)) {
            throw ApiException.conflict("NOT_WAIVABLE", "a session that is " + s.status + " cannot be waived");
        }
        return transitions.apply(SessionTransitions.move(s.id, s.status, SessionStatus.WAIVED).set("resolved_by", "operator"))
                .flatMap(moved -> {
                    if (!moved) {
                        throw ApiException.conflict("NOT_WAIVABLE", "the session has moved on");
                    }
                    return audit.record(AuditAction.PARKING_SESSION_WAIVED, AuditedResource.PARKING_SESSION, s.id, reason);
                })
                .flatMap(x -> reload(s.id));
    }

    /** Audited in the caller's transaction; the command goes out after it commits. */
    public Uni<Void> recordManualOpen(ParkingLane lane, String reason) {
        return audit.record(AuditAction.BARRIER_OPENED_MANUALLY, AuditedResource.PARKING_LANE, lane.deviceId, reason);
    }

    public Uni<Void> sendManualOpen(ParkingLane lane) {
        return commands.send(lane.siteId, lane.deviceId, LaneDecision.of(Decisions.MANUAL_OPEN, Decisions.text(Decisions.MANUAL_OPEN, null), null));
    }

    private static Uni<ParkingSession> reload(UUID id) {
        return ParkingSession.<ParkingSession>findById(id).call(s -> Panache.getSession().flatMap(session -> session.refresh(s)));
    }
}
