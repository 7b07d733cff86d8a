package com.platepay.parking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * An exit read: joined to its open session (exact, candidates, look-alikes), priced by the lot's tariff less what
 * a monthly pass covers, and either let out (nothing due), handed on for a debit (an eligible read) or put in the
 * review queue. A read of a car whose stay already ended (a repeat, a retry after a decline, an overstay after
 * paying) is answered from that stay.
 */
@ApplicationScoped
public class ExitDesk {

    private final Eligibility eligibility;

    public ExitDesk(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    /** Runs in the read's transaction ({@code tx}). */
    Uni<Step> exit(SqlClient tx, LaneRead read, ParkingLane lane, ParkingLot lot, PlateReadRecord record) {
        String plate = read.plate().text();
        return LaneReadStore.openAtLot(tx, lot.siteId, List.copyOf(PlateMatcher.keys(plate, read.candidates())))
                .flatMap(open -> {
                    Map<String, List<ParkingSession>> byPlate = open.stream().collect(Collectors.groupingBy(s -> s.plate));
                    var found = PlateMatcher.match(plate, read.candidates(), byPlate, s -> s.plateColour.equals(read.colourKey()));
                    if (found.matched()) {
                        return close(tx, found.session(), found.match(), read, lane, lot, record, null);
                    }
                    if (found.ambiguous()) {
                        return lostEntry(tx, read, lane, lot, record, "AMBIGUOUS_MATCH");
                    }
                    return LaneReadStore.lastEnded(tx, lot.siteId, plate, read.colourKey(), read.body().capturedAt().minus(Duration.ofDays(1)))
                            .flatMap(ended -> ended.isPresent() ? again(tx, ended.get(), read, lane, lot, record)
                                    : lostEntry(tx, read, lane, lot, record, null));
                });
    }

    /**
     * Prices the stay and decides: nothing due (free, or a pass), a debit (an eligible read), or review
     * ({@code forcedReview} names why a person must look). A pass is looked up only for a sure read, so a fuzzy
     * one never lets a car out on another plate's pass.
     */
    private Uni<Step> close(SqlClient tx, ParkingSession s, PlateMatcher.Match match, LaneRead read, ParkingLane lane, ParkingLot lot,
                            PlateReadRecord record, String forcedReview) {
        record.sessionId = s.id;
        Instant exitAt = exitTime(read);
        String unsure = forcedReview != null ? forcedReview : Eligibility.unsure(s, match, read, lane);
        Uni<List<ParkingPass>> covering = unsure != null ? Uni.createFrom().item(List.of())
                : Passes.covering(tx, lot, s.plate, s.plateColour, s.entryAt, exitAt);
        return covering.flatMap(onPass -> {
            Due due = due(s, lot, exitAt, onPass);
            UnaryOperator<SessionTransitions.Move> exitColumns = m -> {
                m.set("exit_at", exitAt).set("exit_device_id", lane.deviceId).set("exit_confidence", read.body().confidence())
                        .set("exit_match", match.name()).set("amount", due.amount());
                return onPass.isEmpty() ? m : m.set("pass_id", onPass.get(0).id);
            };
            String refusal = unsure != null ? unsure : due.refusal();
            if (refusal != null) {
                return move(tx, exitColumns.apply(SessionTransitions.move(s.id, SessionStatus.OPEN, SessionStatus.REVIEW)
                        .set("review_reason", refusal)), s.id, read, Decisions.REVIEW);
            }
            if (due.amount() == 0) {
                // Nothing moves, so no mandate is needed: a sure read of a car with nothing to pay opens.
                return move(tx, exitColumns.apply(SessionTransitions.move(s.id, SessionStatus.OPEN, SessionStatus.PAID)
                        .set("paid_at", Instant.now())), s.id, read, onPass.isEmpty() ? Decisions.FREE : Decisions.PASS);
            }
            return eligibility.mandateRefusal(s).flatMap(noMandate -> noMandate != null
                    ? move(tx, exitColumns.apply(SessionTransitions.move(s.id, SessionStatus.OPEN, SessionStatus.REVIEW)
                            .set("review_reason", noMandate)), s.id, read, Decisions.REVIEW)
                    : charge(tx, exitColumns.apply(SessionTransitions.move(s.id, SessionStatus.OPEN, SessionStatus.CHARGING)), s, 1,
                            read, lane, lot, record));
        });
    }

    /** What the stay costs, or why a person must price it. */
    private record Due(long amount, String refusal) {
    }

    /** The tariff less what passes cover; without an entry read, the lot's lost-ticket price (none: a person decides). */
    private static Due due(ParkingSession s, ParkingLot lot, Instant exitAt, List<ParkingPass> onPass) {
        List<PassCover.Cover> covers = Passes.covers(onPass, lot);
        if (s.entryAt == null) {
            if (PassCover.covers(covers, exitAt)) {
                return new Due(0, null);
            }
            return lot.lostTicketPrice == null ? new Due(0, "LOST_ENTRY") : new Due(lot.lostTicketPrice, null);
        }
        return new Due(PassCover.due(lot.tariff(), lot.zone(), s.entryAt, exitAt, covers), null);
    }

    /** A read of a stay that has left OPEN. */
    private Uni<Step> again(SqlClient tx, ParkingSession s, LaneRead read, ParkingLane lane, ParkingLot lot, PlateReadRecord record) {
        record.sessionId = s.id;
        boolean repeat = lane.deviceId.equals(s.exitDeviceId)
                && Duration.between(s.exitAt, read.body().capturedAt()).abs().toSeconds() <= lot.repeatWindowSecs;
        if (s.status == SessionStatus.CHARGING) {
            // Its debit is under way (another lane's read, or a crash cut it short): ask for the same charge again.
            return LaneReadStore.debit(tx, s, lane, read.operatorId(), lot.declinePolicy, read.body().wasOpenedOffline()).map(Step::debit);
        }
        if (repeat || s.status == SessionStatus.ARREARS || s.status == SessionStatus.REVIEW || s.status == SessionStatus.WAIVED) {
            return answer(Decisions.of(s.status), s);
        }
        if (s.status == SessionStatus.PAID) {
            if (s.entryAt == null || s.paidAt == null) {
                return answer(Decisions.GRACE, s);
            }
            Instant exitAt = exitTime(read);
            return Passes.covering(tx, lot, s.plate, s.plateColour, s.entryAt, exitAt).flatMap(onPass -> {
                long due = PassCover.dueAfterPayment(lot.tariff(), lot.zone(), s.entryAt, s.paidAt, exitAt, Passes.covers(onPass, lot));
                return due == 0 ? answer(Decisions.GRACE, s) : retry(tx, s, SessionStatus.PAID, due, read, lane, lot, record);
            });
        }
        // UNPAID: the driver is back at the barrier (a topped-up card); try again, a bounded number of times.
        return s.debitAttempts >= lot.maxDebitAttempts ? answer(Decisions.PAY_AT_KIOSK, s)
                : retry(tx, s, SessionStatus.UNPAID, s.amount, read, lane, lot, record);
    }

    private Uni<Step> retry(SqlClient tx, ParkingSession s, SessionStatus from, long amount, LaneRead read, ParkingLane lane, ParkingLot lot,
                            PlateReadRecord record) {
        return eligibility.refusal(s, PlateMatcher.Match.EXACT, read, lane).flatMap(refusal -> refusal != null
                ? answer(Decisions.PAY_AT_KIOSK, s)
                : charge(tx, SessionTransitions.move(s.id, from, SessionStatus.CHARGING).set("amount", amount)
                        .set("exit_at", exitTime(read)), s, s.debitAttempts + 1, read, lane, lot, record));
    }

    /** No open session: a lost entry read. Charged the lot's lost-ticket price when eligible, else reviewed. */
    private Uni<Step> lostEntry(SqlClient tx, LaneRead read, ParkingLane lane, ParkingLot lot, PlateReadRecord record, String forcedReview) {
        ParkingSession s = new ParkingSession();
        s.id = UUID.randomUUID();
        s.siteId = lot.siteId;
        s.plate = read.plate().text();
        s.plateColour = read.colourKey();
        s.status = SessionStatus.OPEN;
        s.flag = ParkingSession.Flag.LOST_ENTRY;
        s.currency = lot.currency;
        return LaneReadStore.insert(tx, s).flatMap(x -> close(tx, s, PlateMatcher.Match.EXACT, read, lane, lot, record, forcedReview));
    }

    private Uni<Step> charge(SqlClient tx, SessionTransitions.Move move, ParkingSession s, int attempt, LaneRead read, ParkingLane lane,
                             ParkingLot lot, PlateReadRecord record) {
        UUID chargeDevice = s.chargeDeviceId != null ? s.chargeDeviceId : lane.deviceId;
        move.set("charge_device_id", chargeDevice).set("debit_attempts", attempt).set("charge_ref", ChargeRefs.ref(s.id, attempt));
        return LaneReadStore.move(tx, move).flatMap(moved -> {
            if (moved.isEmpty()) {
                return LaneReadStore.session(tx, s.id).flatMap(current -> answer(Decisions.of(current.status), current));
            }
            record.decision = Decisions.CHARGING;
            return LaneReadStore.debit(tx, moved.get(), lane, read.operatorId(), lot.declinePolicy, read.body().wasOpenedOffline())
                    .map(Step::debit);
        });
    }

    private static Uni<Step> move(SqlClient tx, SessionTransitions.Move move, UUID sessionId, LaneRead read, String decision) {
        return LaneReadStore.move(tx, move).flatMap(moved -> moved.isPresent()
                ? Uni.createFrom().item(Step.answer(decided(read.body().wasOpenedOffline() ? Decisions.OFFLINE_RECORDED : decision, moved.get())))
                : LaneReadStore.session(tx, sessionId).map(current -> Step.answer(decided(Decisions.of(current.status), current))));
    }

    private static LaneDecision decided(String decision, ParkingSession s) {
        return LaneDecision.of(decision, Decisions.text(decision, s), s);
    }

    private static Uni<Step> answer(String decision, ParkingSession s) {
        return Uni.createFrom().item(Step.answer(LaneDecision.of(decision, Decisions.text(decision, s), s)));
    }

    /** The box's capture time, but never in the future: a box clock must not shorten or lengthen a stay by much. */
    private static Instant exitTime(LaneRead read) {
        Instant now = Instant.now();
        Instant captured = read.body().capturedAt();
        return captured.isAfter(now) ? now : captured;
    }
}
