package com.platepay.sites;

import com.platepay.protocol.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads devices with the plain reactive client: it is called from broker threads on every connect and from the
 * gateway on every message, and must not need a Hibernate session. Never cached, so disabling a device or
 * rotating its secret takes effect for the next connection and the next message.
 */
@ApplicationScoped
public class DeviceLookup {

    private static final String QUERY = """
            select d.id, d.site_id, s.operator_id, s.category, d.type, d.status, d.mqtt_password_hash, d.public_key
            from devices d join sites s on s.id = d.site_id where d.id = $1""";

    private static final Pattern CANONICAL_UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Pool pool;

    public DeviceLookup(Pool pool) {
        this.pool = pool;
    }

    /** The device with this id, given in any spelling of a UUID (devices are looked up by the canonical one). */
    public Uni<Optional<DeviceRecord>> find(String deviceId) {
        return find(pool, deviceId);
    }

    /** The same lookup on another pool (broker authentication keeps its own apart, DeviceCache). */
    public static Uni<Optional<DeviceRecord>> find(Pool pool, String deviceId) {
        // UUID.fromString also takes non-canonical shapes such as "1-2-3-4-5": only the 36-character form names a device.
        if (deviceId == null || !CANONICAL_UUID.matcher(Ids.canonical(deviceId)).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        UUID id = UUID.fromString(deviceId);
        return pool.preparedQuery(QUERY).execute(Tuple.of(id)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(toRecord(it.next())) : Optional.<DeviceRecord>empty();
        });
    }

    private static DeviceRecord toRecord(Row r) {
        return new DeviceRecord(r.getUUID("id"), r.getUUID("site_id"), r.getUUID("operator_id"),
                SiteCategory.valueOf(r.getString("category")), r.getString("type"), r.getString("status"),
                r.getString("mqtt_password_hash"), r.getString("public_key"));
    }
}
