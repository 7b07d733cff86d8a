package com.platepay.parking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    }

    public static Move move(UUID sessionId, SessionStatus from, SessionStatus to) {
        return new Move(sessionId, from, to);
    }

    public Uni<Boolean> apply(Move move) {
        StringBuilder sql = new StringBuilder("update parking_sessions set status = ?1, updated_at = now()");
        List<Object> params = new ArrayList<>(List.of(move.to.name()));
        move.values.forEach((column, value) -> {
            params.add(value);
            sql.append(", ").append(column).append(" = ?").append(params.size());
        });
        params.add(move.sessionId);
        sql.append(" where id = ?").append(params.size());
        params.add(move.from.name());
        sql.append(" and status = ?").append(params.size());
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql.toString());
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query.executeUpdate();
        }).map(rows -> rows == 1);
    }
}
