package com.platepay.mqtt;

import com.platepay.sites.SiteCategory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

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

    private final Pool pool;

    public DeviceLookup(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<DeviceRecord>> find(String deviceId) {
        UUID id;
        try {
            id = UUID.fromString(deviceId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Optional.empty());
        }
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
