package com.platepay.parking;

import com.platepay.platform.ConditionalUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database side of {@link SessionStateMachine}: each move is one {@code update ... where id = ? and status = ?}
 * and tells whether it happened, so a second exit read racing the first changes nothing. Must run in a transaction.
 */
@ApplicationScoped
public class SessionTransitions {

    /** A move with the columns it sets beside the status. */
    public static final class Move {
        private final UUID sessionId;
        private final SessionStatus from;
        private final SessionStatus to;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Move(UUID sessionId, SessionStatus from, SessionStatus to) {
            SessionStateMachine.require(from, to);
            this.sessionId = sessionId;
            this.from = from;
            this.to = to;
        }

        public Move set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        /** The move as one conditional statement. */
        ConditionalUpdate update() {
            ConditionalUpdate update = ConditionalUpdate.of("parking_sessions", sessionId, from, to);
            values.forEach(update::set);
            return update;
        }
    }

    public static Move move(UUID sessionId, SessionStatus from, SessionStatus to) {
        return new Move(sessionId, from, to);
    }

    /** On the current Panache session (the staff's and drivers' REST paths); the lane read path uses LaneReadStore.move. */
    public Uni<Boolean> apply(Move move) {
        return move.update().apply();
    }
}
