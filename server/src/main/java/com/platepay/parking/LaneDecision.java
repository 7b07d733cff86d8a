package com.platepay.parking;

import java.util.Set;
import java.util.UUID;

/** What the lane is told about a read: open or not, a decision code and a line for its screen. */
public record LaneDecision(boolean open, String decision, String text, UUID sessionId, Long amount, String currency) {

    /** Decisions that open the barrier; the rest only show their text. */
    private static final Set<String> OPENING = Set.of(Decisions.ENTERED, Decisions.ENTERED_FLAGGED, Decisions.PAID,
            Decisions.FREE, Decisions.PASS, Decisions.GRACE, Decisions.ARREARS, Decisions.WAIVED, Decisions.MANUAL_OPEN);

    public static LaneDecision of(String decision, String text, ParkingSession session) {
        return new LaneDecision(OPENING.contains(decision), decision, text, session == null ? null : session.id,
                session == null ? null : session.amount, session == null || session.amount == null ? null : session.currency);
    }

    /** The decision stored with a read, replayed when the same read (device, seq) arrives again. */
    public static LaneDecision replay(String decision, ParkingSession session) {
        return of(decision, Decisions.text(decision, session), session);
    }
}
