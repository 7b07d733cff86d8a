package com.platepay.parking;

import com.platepay.platform.Db;
import com.platepay.platform.StageTimers;
import com.platepay.protocol.parking.PlateRead;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Takes a lane's plate read to the lane's answer. The read is stored once per (device, seq), in the same
 * transaction as what it decided; a copy of it gets the stored decision (or finishes a debit a crash
 * interrupted), never a second passage. A debit runs only after that transaction has committed. The transaction
 * runs on the plain SQL client ({@link LaneReadStore}): this is the lane's hot path.
 */
@ApplicationScoped
public class ParkingService {

    private final EntryDesk entries;
    private final ExitDesk exits;
    private final ExitPayment payment;
    private final StageTimers stages;
    private final Pool db;

    public ParkingService(EntryDesk entries, ExitDesk exits, ExitPayment payment, StageTimers stages, Pool db) {
        this.entries = entries;
        this.exits = exits;
        this.payment = payment;
        this.stages = stages;
        this.db = db;
    }

    /** Calls {@code committed} once the read and its decision are stored (the gateway acknowledges it then). */
    public Uni<LaneDecision> handle(LaneRead read, Runnable committed) {
        return stages.time("parking.decide", () -> db.withTransaction(tx -> decide(tx, read))
                        // A copy of this read, or the same car at a second entry lane, won a unique key: decide again.
                        .onFailure(Db::isUniqueViolation).recoverWithUni(() -> db.withTransaction(tx -> decide(tx, read))))
                .invoke(committed)
                .flatMap(step -> step.debit() == null ? Uni.createFrom().item(step.decision())
                        : stages.time("parking.pay", () -> payment.pay(step.debit())));
    }

    /** A fresh read of a lane costs one lookup before its decision; a copy, or a device that is no lane, one more. */
    private Uni<Step> decide(SqlConnection tx, LaneRead read) {
        return LaneReadStore.laneAndLot(tx, read.deviceId(), read.seq()).flatMap(found -> {
            if (found.isPresent() && !found.get().seen()) {
                return fresh(tx, read, found.get());
            }
            return LaneReadStore.read(tx, read.deviceId(), read.seq())
                    .flatMap(existing -> existing.isPresent() ? replay(tx, existing.get(), read) : fresh(tx, read, null));
        });
    }

    private Uni<Step> fresh(SqlConnection tx, LaneRead read, LaneReadStore.LaneAndLot found) {
        PlateReadRecord record = record(read);
        if (found == null || !found.lane().siteId.equals(read.siteId())) {
            return store(tx, record, Step.answer(LaneDecision.of(Decisions.NOT_A_LANE, Decisions.text(Decisions.NOT_A_LANE, null), null)));
        }
        if (read.plate() == null) {
            return store(tx, record, Step.answer(LaneDecision.of(Decisions.INVALID_PLATE, Decisions.text(Decisions.INVALID_PLATE, null), null)));
        }
        ParkingLane lane = found.lane();
        ParkingLot lot = found.lot();
        return (lane.direction == PlateRead.Direction.ENTRY
                ? entries.enter(tx, read, lane, lot, record).map(Step::answer)
                : exits.exit(tx, read, lane, lot, record)).flatMap(step -> store(tx, record, step));
    }

    private static Uni<Step> store(SqlConnection tx, PlateReadRecord record, Step step) {
        if (step.decision() != null) {
            record.decision = step.decision().decision();
            if (record.sessionId == null) {
                record.sessionId = step.decision().sessionId();
            }
        }
        return LaneReadStore.insert(tx, record).replaceWith(step);
    }

    /** The same read again: its stored decision, or the debit it started when a crash cut that short. */
    private static Uni<Step> replay(SqlConnection tx, PlateReadRecord existing, LaneRead read) {
        Uni<ParkingSession> session = existing.sessionId == null ? Uni.createFrom().nullItem() : LaneReadStore.session(tx, existing.sessionId);
        return session.flatMap(s -> {
            if (s != null && s.status == SessionStatus.CHARGING && Decisions.CHARGING.equals(existing.decision)) {
                return LaneReadStore.lot(tx, s.siteId).flatMap(lot -> LaneReadStore.debit(tx, s, null, read.operatorId(),
                        lot.orElseThrow().declinePolicy, read.body().wasOpenedOffline())).map(Step::debit);
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
