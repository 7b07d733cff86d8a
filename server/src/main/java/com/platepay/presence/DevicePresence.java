package com.platepay.presence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Devices' online status, from their {@code status} messages (V16). Presence is a register ordered by the device's
 * own seq, not by arrival: the last will is signed at connect time with the seq just above that connection's ONLINE
 * and the broker publishes it whenever the connection is lost, so it may arrive after a later ONLINE's or twice.
 * One statement writes a status only when its seq is above the stored one, so any replica may take any message
 * (idempotent, and a late or repeated one changes nothing).
 */
@ApplicationScoped
public class DevicePresence {

    public enum State { ONLINE, OFFLINE }

    private static final String RECORD = """
            insert into device_presence (device_id, site_id, state, seq, changed_at, last_seen_at)
            values ($1, $2, $3, $4, now(), now())
            on conflict (device_id) do update
               set state = excluded.state, seq = excluded.seq, changed_at = excluded.changed_at,
                   last_seen_at = excluded.last_seen_at
             where device_presence.seq < excluded.seq""";

    private final Pool pool;

    public DevicePresence(Pool pool) {
        this.pool = pool;
    }

    /** True when this status became the device's current one; false when a newer (or the same) one is stored. */
    public Uni<Boolean> record(UUID deviceId, UUID siteId, State state, long seq) {
        return pool.preparedQuery(RECORD).execute(Tuple.of(deviceId, siteId, state.name(), seq)).map(rows -> rows.rowCount() == 1);
    }
}
