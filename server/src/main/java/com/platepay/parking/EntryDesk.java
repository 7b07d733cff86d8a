package com.platepay.parking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * An entry read opens a session per plate + colour per lot. The same car read again at the same lane within the
 * lot's repeat window is the same event; a second entry while a session is open is anti-passback, and the same
 * plate open at another lot may be a cloned plate: both are flagged and never debited without a person.
 */
@ApplicationScoped
public class EntryDesk {

    /** Runs in the read's transaction ({@code tx}). */
    Uni<LaneDecision> enter(SqlClient tx, LaneRead read, ParkingLane lane, ParkingLot lot, PlateReadRecord record) {
        String plate = read.plate().text();
        String colour = read.colourKey();
        return LaneReadStore.openAnywhere(tx, plate, colour)
                .flatMap(open -> {
                    ParkingSession here = open.stream().filter(s -> s.siteId.equals(lot.siteId)).findFirst().orElse(null);
                    if (here != null) {
                        return again(tx, read, lane, lot, here, record);
                    }
                    List<ParkingSession> elsewhere = open;
                    ParkingSession s = new ParkingSession();
                    s.id = UUID.randomUUID();
                    s.siteId = lot.siteId;
                    s.plate = plate;
                    s.plateColour = colour;
                    s.status = SessionStatus.OPEN;
                    s.entryAt = read.body().capturedAt();
                    s.entryDeviceId = lane.deviceId;
                    s.currency = lot.currency;
                    s.flag = elsewhere.isEmpty() ? null : ParkingSession.Flag.CLONE;
                    record.sessionId = s.id;
                    Uni<Void> flagOthers = elsewhere.isEmpty() ? Uni.createFrom().voidItem()
                            : LaneReadStore.flag(tx, elsewhere.stream().map(o -> o.id).toList(), ParkingSession.Flag.CLONE);
                    String decision = read.body().wasOpenedOffline() ? Decisions.OFFLINE_RECORDED
                            : s.flag == null ? Decisions.ENTERED : Decisions.ENTERED_FLAGGED;
                    return LaneReadStore.insert(tx, s).flatMap(x -> flagOthers)
                            .map(x -> LaneDecision.of(decision, Decisions.text(decision, s), s));
                });
    }

    private static Uni<LaneDecision> again(SqlClient tx, LaneRead read, ParkingLane lane, ParkingLot lot, ParkingSession open, PlateReadRecord record) {
        record.sessionId = open.id;
        boolean sameEvent = lane.deviceId.equals(open.entryDeviceId) && open.entryAt != null
                && Duration.between(open.entryAt, read.body().capturedAt()).abs().toSeconds() <= lot.repeatWindowSecs;
        if (sameEvent) {
            return Uni.createFrom().item(LaneDecision.of(Decisions.ENTERED, Decisions.text(Decisions.ENTERED, open), open));
        }
        return LaneReadStore.flag(tx, List.of(open.id), ParkingSession.Flag.PASSBACK)
                .map(x -> LaneDecision.of(Decisions.PASSBACK, Decisions.text(Decisions.PASSBACK, open), open));
    }
}
