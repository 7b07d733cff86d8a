package com.platepay.parking;

import com.platepay.platform.Db;
import com.platepay.protocol.parking.PlateRead;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Takes a lane's plate read to the lane's answer. The read is stored once per (device, seq), in the same
 * transaction as what it decided; a copy of it gets the stored decision (or finishes a debit a crash
 * interrupted), never a second passage. A debit runs only after that transaction has committed.
 */
@ApplicationScoped
public class ParkingService {

    private final EntryDesk entries;
    private final ExitDesk exits;
    private final ExitPayment payment;

    public ParkingService(EntryDesk entries, ExitDesk exits, ExitPayment payment) {
        this.entries = entries;
        this.exits = exits;
        this.payment = payment;
    }

    /** Calls {@code committed} once the read and its decision are stored (the gateway acknowledges it then). */
    public Uni<LaneDecision> handle(LaneRead read, Runnable committed) {
        return Panache.withTransaction(() -> decide(read))
                // A copy of this read, or the same car at a second entry lane, won a unique key: decide again.
                .onFailure(Db::isUniqueViolation).recoverWithUni(() -> Panache.withTransaction(() -> decide(read)))
                .invoke(committed)
                .flatMap(step -> step.debit() == null ? Uni.createFrom().item(step.decision()) : payment.pay(step.debit()));
    }

    private Uni<Step> decide(LaneRead read) {
        return PlateReadRecord.<PlateReadRecord>find("deviceId = ?1 and seq = ?2", read.deviceId(), read.seq()).firstResult()
                .flatMap(existing -> existing != null ? replay(existing, read)
                        : ParkingLane.<ParkingLane>findById(read.deviceId()).flatMap(lane -> fresh(read, lane)));
    }

    private Uni<Step> fresh(LaneRead read, ParkingLane lane) {
        PlateReadRecord record = record(read);
        if (lane == null || !lane.siteId.equals(read.siteId())) {
            return store(record, Step.answer(LaneDecision.of(Decisions.NOT_A_LANE, Decisions.text(Decisions.NOT_A_LANE, null), null)));
        }
        if (read.plate() == null) {
            return store(record, Step.answer(LaneDecision.of(Decisions.INVALID_PLATE, Decisions.text(Decisions.INVALID_PLATE, null), null)));
        }
        return ParkingLot.<ParkingLot>findById(lane.siteId).flatMap(lot -> lane.direction == PlateRead.Direction.ENTRY
                ? entries.enter(read, lane, lot, record).map(Step::answer)
                : exits.exit(read, lane, lot, record)).flatMap(step -> store(record, step));
    }

    private static Uni<Step> store(PlateReadRecord record, Step step) {
        if (step.decision() != null) {
            record.decision = step.decision().decision();
            if (record.sessionId == null) {
                record.sessionId = step.decision().sessionId();
            }
        }
        return record.persist().replaceWith(step);
    }

    /** The same read again: its stored decision, or the debit it started when a crash cut that short. */
    private Uni<Step> replay(PlateReadRecord existing, LaneRead read) {
        Uni<ParkingSession> session = existing.sessionId == null ? Uni.createFrom().nullItem() : ParkingSession.findById(existing.sessionId);
        return session.flatMap(s -> {
            if (s != null && s.status == SessionStatus.CHARGING && Decisions.CHARGING.equals(existing.decision)) {
                return ParkingLot.<ParkingLot>findById(s.siteId)
                        .flatMap(lot -> ChargeRefs.debit(s, read.operatorId(), lot.declinePolicy, read.body().wasOpenedOffline()))
                        .map(Step::debit);
            }
            String decision = Decisions.CHARGING.equals(existing.decision) && s != null ? Decisions.of(s.status) : existing.decision;
            return Uni.createFrom().item(Step.answer(LaneDecision.replay(decision, s)));
        });
    }

    private static PlateReadRecord record(LaneRead read) {
        PlateReadRecord r = new PlateReadRecord();
        PlateRead body = read.body();
        r.id = UUID.randomUUID();
        r.deviceId = read.deviceId();
        r.seq = read.seq();
        r.siteId = read.siteId();
        r.direction = body.direction().name();
        r.plate = read.plate() == null ? body.plate() : read.plate().text();
        r.plateColour = body.plateColour();
        r.confidence = body.confidence();
        r.candidates = body.candidatesOrEmpty().stream().map(c -> c.plate() + ":" + c.score()).collect(Collectors.joining(","));
        r.capturedAt = body.capturedAt();
        r.cropSha256 = body.cropSha256();
        r.openedOffline = body.wasOpenedOffline();
        return r;
    }
}
