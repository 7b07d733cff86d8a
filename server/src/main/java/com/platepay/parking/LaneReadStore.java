package com.platepay.parking;

import com.platepay.platform.ConditionalUpdate;
import com.platepay.protocol.parking.PlateRead;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The lane read path's statements on the plain SQL client: a read's transaction runs a handful of short statements
 * without Hibernate's session, which cost more than the statements themselves when 50 lanes read at once (the
 * charging core made the same move). The entity classes are used as plain values here, never attached to a session.
 * Every method runs on the connection of the read's transaction.
 */
final class LaneReadStore {

    /** The read's lane and lot, and whether this (device, seq) was read before, in one round trip. */
    private static final String LANE_AND_LOT = "select l.device_id, l.site_id, l.name, l.direction, l.confidence_threshold, p.*, "
            + "exists (select 1 from plate_reads r where r.device_id = $1 and r.seq = $2) as seen "
            + "from parking_lanes l join parking_lots p on p.site_id = l.site_id where l.device_id = $1";
    private static final String LANE_NAME = "select name from parking_lanes where device_id = $1";
    private static final String READ = "select * from plate_reads where device_id = $1 and seq = $2";
    private static final String OPEN_AT_LOT = "select * from parking_sessions where site_id = $1 and status = 'OPEN' and plate = any($2)";
    private static final String OPEN_ANYWHERE = "select * from parking_sessions where plate = $1 and plate_colour = $2 and status = 'OPEN'";
    private static final String LAST_ENDED = "select * from parking_sessions where site_id = $1 and plate = $2 and plate_colour = $3 "
            + "and exit_at > $4 order by exit_at desc limit 1";
    private static final String SESSION = "select * from parking_sessions where id = $1";
    private static final String LOT = "select * from parking_lots where site_id = $1";
    private static final String COVERING = "select * from parking_passes where site_id = $1 and plate = $2 and plate_colour = $3 "
            + "and status = 'ACTIVE' and valid_from <= $4 and valid_to >= $5";
    private static final String FLAG = "update parking_sessions set flag = $1, updated_at = now() where id = any($2)";
    private static final String INSERT_SESSION = "insert into parking_sessions (id, site_id, plate, plate_colour, status, flag, entry_at, "
            + "entry_device_id, currency) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    private static final String INSERT_READ = "insert into plate_reads (id, device_id, seq, site_id, direction, plate, plate_colour, "
            + "confidence, candidates, captured_at, crop_sha256, opened_offline, session_id, decision) "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
    private static final String READ_DECIDED = "update plate_reads set decision = $1 where session_id = $2 and decision = $3";

    private LaneReadStore() {
    }

    /** A lane with its lot, and whether the read was stored before (a copy); none when the device is no lane. */
    record LaneAndLot(ParkingLane lane, ParkingLot lot, boolean seen) {
    }

    static Uni<Optional<LaneAndLot>> laneAndLot(SqlClient db, UUID deviceId, long seq) {
        return one(db, LANE_AND_LOT, Tuple.of(deviceId, seq), r -> new LaneAndLot(lane(r), lot(r), r.getBoolean("seen")));
    }

    /**
     * The debit of a session in CHARGING (see {@link ChargeRefs}), named after the charge device's lane, which is
     * usually the lane reading now.
     */
    static Uni<Step.Debit> debit(SqlClient db, ParkingSession s, ParkingLane reading, UUID operatorId,
                                 ParkingLot.DeclinePolicy policy, boolean carIsOut) {
        Uni<Optional<String>> name = reading != null && reading.deviceId.equals(s.chargeDeviceId) ? Uni.createFrom().item(Optional.of(reading.name))
                : one(db, LANE_NAME, Tuple.of(s.chargeDeviceId), r -> r.getString("name"));
        return name.map(n -> ChargeRefs.debit(s, n.orElse(null), operatorId, policy, carIsOut));
    }

    static Uni<Optional<PlateReadRecord>> read(SqlClient db, UUID deviceId, long seq) {
        return one(db, READ, Tuple.of(deviceId, seq), LaneReadStore::plateRead);
    }

    static Uni<List<ParkingSession>> openAtLot(SqlClient db, UUID siteId, List<String> plates) {
        return all(db, OPEN_AT_LOT, Tuple.of(siteId, plates.toArray(String[]::new)), LaneReadStore::session);
    }

    static Uni<List<ParkingSession>> openAnywhere(SqlClient db, String plate, String colour) {
        return all(db, OPEN_ANYWHERE, Tuple.of(plate, colour), LaneReadStore::session);
    }

    static Uni<Optional<ParkingSession>> lastEnded(SqlClient db, UUID siteId, String plate, String colour, Instant since) {
        return one(db, LAST_ENDED, tuple(siteId, plate, colour, since), LaneReadStore::session);
    }

    static Uni<ParkingSession> session(SqlClient db, UUID id) {
        return one(db, SESSION, Tuple.of(id), LaneReadStore::session).map(Optional::orElseThrow);
    }

    static Uni<Optional<ParkingLot>> lot(SqlClient db, UUID siteId) {
        return one(db, LOT, Tuple.of(siteId), LaneReadStore::lot);
    }

    static Uni<List<ParkingPass>> covering(SqlClient db, UUID siteId, String plate, String colour, LocalDate last, LocalDate first) {
        return all(db, COVERING, Tuple.of(siteId, plate, colour, last, first), LaneReadStore::pass);
    }

    static Uni<Void> flag(SqlClient db, List<UUID> sessions, ParkingSession.Flag flag) {
        return db.preparedQuery(FLAG).execute(Tuple.of(flag.name(), sessions.toArray(UUID[]::new))).replaceWithVoid();
    }

    static Uni<Void> insert(SqlClient db, ParkingSession s) {
        return db.preparedQuery(INSERT_SESSION).execute(tuple(s.id, s.siteId, s.plate, s.plateColour, s.status, s.flag, s.entryAt,
                s.entryDeviceId, s.currency)).replaceWithVoid();
    }

    static Uni<Void> insert(SqlClient db, PlateReadRecord r) {
        return db.preparedQuery(INSERT_READ).execute(tuple(r.id, r.deviceId, r.seq, r.siteId, r.direction, r.plate, r.plateColour,
                r.confidence, r.candidates, r.capturedAt, r.cropSha256, r.openedOffline, r.sessionId, r.decision)).replaceWithVoid();
    }

    /** The reads that started a debit take the debit's outcome as their decision. */
    static Uni<Void> decided(SqlClient db, UUID sessionId, String decision) {
        return db.preparedQuery(READ_DECIDED).execute(Tuple.of(decision, sessionId, Decisions.CHARGING)).replaceWithVoid();
    }

    /** A session's move (through its state machine), returning the moved session; empty when it had moved on. */
    static Uni<Optional<ParkingSession>> move(SqlClient db, SessionTransitions.Move move) {
        return move.update().applyReturning(db).map(row -> row.map(LaneReadStore::session));
    }

    /** Parameters that may be null, enums or instants, bound the way the plain client takes them. */
    private static Tuple tuple(Object... values) {
        Tuple t = Tuple.tuple();
        for (Object v : values) {
            t.addValue(ConditionalUpdate.bindable(v));
        }
        return t;
    }

    private static <T> Uni<Optional<T>> one(SqlClient db, String sql, Tuple params, Function<Row, T> map) {
        return db.preparedQuery(sql).execute(params).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(map.apply(it.next())) : Optional.empty();
        });
    }

    private static <T> Uni<List<T>> all(SqlClient db, String sql, Tuple params, Function<Row, T> map) {
        return db.preparedQuery(sql).execute(params).map((RowSet<Row> rows) -> {
            List<T> out = new ArrayList<>();
            rows.forEach(r -> out.add(map.apply(r)));
            return out;
        });
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static ParkingSession session(Row r) {
        ParkingSession s = new ParkingSession();
        s.id = r.getUUID("id");
        s.siteId = r.getUUID("site_id");
        s.plate = r.getString("plate");
        s.plateColour = r.getString("plate_colour");
        s.status = SessionStatus.valueOf(r.getString("status"));
        String flag = r.getString("flag");
        s.flag = flag == null ? null : ParkingSession.Flag.valueOf(flag);
        s.reviewReason = r.getString("review_reason");
        s.entryAt = instant(r, "entry_at");
        s.entryDeviceId = r.getUUID("entry_device_id");
        s.exitAt = instant(r, "exit_at");
        s.exitDeviceId = r.getUUID("exit_device_id");
        s.exitConfidence = r.getInteger("exit_confidence");
        s.exitMatch = r.getString("exit_match");
        s.amount = r.getLong("amount");
        s.currency = r.getString("currency");
        s.chargeDeviceId = r.getUUID("charge_device_id");
        s.debitAttempts = r.getInteger("debit_attempts");
        s.chargeRef = r.getString("charge_ref");
        s.paidAt = instant(r, "paid_at");
        s.resolvedBy = r.getString("resolved_by");
        s.driverId = r.getUUID("driver_id");
        s.settleAttempts = r.getInteger("settle_attempts");
        s.passId = r.getUUID("pass_id");
        s.createdAt = instant(r, "created_at");
        s.updatedAt = instant(r, "updated_at");
        return s;
    }

    private static ParkingLane lane(Row r) {
        ParkingLane l = new ParkingLane();
        l.deviceId = r.getUUID("device_id");
        l.siteId = r.getUUID("site_id");
        l.name = r.getString("name");
        l.direction = PlateRead.Direction.valueOf(r.getString("direction"));
        l.confidenceThreshold = r.getInteger("confidence_threshold");
        return l;
    }

    private static ParkingLot lot(Row r) {
        ParkingLot p = new ParkingLot();
        p.siteId = r.getUUID("site_id");
        p.timeZone = r.getString("time_zone");
        p.currency = r.getString("currency");
        p.freeMinutes = r.getInteger("free_minutes");
        p.firstPeriodMinutes = r.getInteger("first_period_minutes");
        p.firstPeriodPrice = r.getLong("first_period_price");
        p.periodMinutes = r.getInteger("period_minutes");
        p.periodPrice = r.getLong("period_price");
        p.dailyCap = r.getLong("daily_cap");
        p.nightStart = r.getLocalTime("night_start");
        p.nightEnd = r.getLocalTime("night_end");
        p.nightPrice = r.getLong("night_price");
        p.graceMinutes = r.getInteger("grace_minutes");
        p.lostTicketPrice = r.getLong("lost_ticket_price");
        p.declinePolicy = ParkingLot.DeclinePolicy.valueOf(r.getString("decline_policy"));
        p.maxDebitAttempts = r.getInteger("max_debit_attempts");
        p.repeatWindowSecs = r.getInteger("repeat_window_secs");
        return p;
    }

    private static ParkingPass pass(Row r) {
        ParkingPass p = new ParkingPass();
        p.id = r.getUUID("id");
        p.siteId = r.getUUID("site_id");
        p.plate = r.getString("plate");
        p.plateColour = r.getString("plate_colour");
        p.validFrom = r.getLocalDate("valid_from");
        p.validTo = r.getLocalDate("valid_to");
        p.holder = r.getString("holder");
        p.status = PassStatus.valueOf(r.getString("status"));
        return p;
    }

    private static PlateReadRecord plateRead(Row r) {
        PlateReadRecord p = new PlateReadRecord();
        p.id = r.getUUID("id");
        p.deviceId = r.getUUID("device_id");
        p.seq = r.getLong("seq");
        p.siteId = r.getUUID("site_id");
        p.direction = r.getString("direction");
        p.plate = r.getString("plate");
        p.plateColour = r.getString("plate_colour");
        p.confidence = r.getInteger("confidence");
        p.candidates = r.getString("candidates");
        p.capturedAt = instant(r, "captured_at");
        p.cropSha256 = r.getString("crop_sha256");
        p.openedOffline = r.getBoolean("opened_offline");
        p.sessionId = r.getUUID("session_id");
        p.decision = r.getString("decision");
        return p;
    }
}
