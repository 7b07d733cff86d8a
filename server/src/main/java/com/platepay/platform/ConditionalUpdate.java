package com.platepay.platform;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One status change of a money object as one {@code update <table> set status = ?, updated_at = now(), ... where
 * id = ? and status = <the state it leaves>}, telling whether it happened. Every state machine's database side
 * (charges, parking sessions, holds) builds its moves with this, so a writer that lost a race changes nothing and
 * none of them hand-writes the SQL again. The caller checks the move against its state machine first. Times come
 * from the database's clock only. {@link #apply()} runs on the current Panache session, inside its transaction;
 * {@link #applyReturning} on a plain SQL client, for paths that run without Hibernate.
 */
public final class ConditionalUpdate {

    /** {@code ?1} as Hibernate numbers parameters; the plain PostgreSQL client wants {@code $1}. */
    private static final Pattern JPA_PARAMETER = Pattern.compile("\\?(\\d+)");

    private final String table;
    private final UUID id;
    private final String from;
    private final String to;
    /** Assignments after {@code status} and {@code updated_at}, in the order they were added. */
    private final List<String> assignments = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    private ConditionalUpdate(String table, UUID id, String from, String to) {
        this.table = table;
        this.id = id;
        this.from = from;
        this.to = to;
        params.add(to);
    }

    /** {@code table} and column names are the caller's constants, never input. */
    public static ConditionalUpdate of(String table, UUID id, Enum<?> from, Enum<?> to) {
        return new ConditionalUpdate(table, id, from.name(), to.name());
    }

    /** {@code column = value}, the value bound as a parameter. */
    public ConditionalUpdate set(String column, Object value) {
        params.add(value);
        assignments.add(column + " = ?" + params.size());
        return this;
    }

    /** {@code column = now() + delay}, by the database's clock. */
    public ConditionalUpdate setFromNow(String column, Duration delay) {
        params.add(delay.toMillis());
        assignments.add(column + " = now() + interval '1 millisecond' * cast(?" + params.size() + " as bigint)");
        return this;
    }

    /** {@code column = <a constant SQL expression>}, e.g. {@code null} or {@code 0}. */
    public ConditionalUpdate setExpression(String column, String constantSql) {
        assignments.add(column + " = " + constantSql);
        return this;
    }

    /** The statement and its parameters (for a test, and for {@link #apply}). */
    public String sql() {
        StringBuilder sql = new StringBuilder("update ").append(table).append(" set status = ?1, updated_at = now()");
        assignments.forEach(a -> sql.append(", ").append(a));
        sql.append(" where id = ?").append(params.size() + 1).append(" and status = ?").append(params.size() + 2);
        return sql.toString();
    }

    public List<Object> parameters() {
        List<Object> all = new ArrayList<>(params);
        all.add(id);
        all.add(from);
        return all;
    }

    /** True when the row was in the state it leaves and is now in the new one; false when it had moved on. */
    public Uni<Boolean> apply() {
        String sql = sql();
        List<Object> all = parameters();
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < all.size(); i++) {
                query.setParameter(i + 1, all.get(i));
            }
            return query.executeUpdate();
        }).map(rows -> rows == 1);
    }

    /** The same move on the plain SQL client, returning the moved row; empty when the row had moved on. */
    public Uni<Optional<Row>> applyReturning(SqlClient client) {
        String sql = JPA_PARAMETER.matcher(sql()).replaceAll("\\$$1") + " returning *";
        Tuple tuple = Tuple.tuple();
        parameters().forEach(p -> tuple.addValue(bindable(p)));
        return client.preparedQuery(sql).execute(tuple)
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty());
    }

    /** The plain client binds enums by name and instants as timestamptz. */
    public static Object bindable(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        return value;
    }
}
