package com.platepay.sites;

import com.platepay.platform.PlatePayConfig;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices as broker authentication sees them (the embedded broker's connects, mqtt.DeviceAuthenticator, and the EMQX
 * hooks, brokerauth), read from a pool of their own ({@code brokerauth}, a few connections) and reused for a short
 * while. When a province's devices all reconnect after an outage, every connect (and on EMQX every topic) asks for
 * its device: without the cache that is a query each, and on a shared pool it would queue ahead of the gateway's
 * per-message device reads and the charge path. Concurrent calls for one device share one query. A change made
 * through this replica is forgotten at once (DeviceChanged, fired before the device's session is cut); one made
 * through another replica at the latest after the TTL. Per-message checks never use it (DeviceLookup).
 */
@ApplicationScoped
public class DeviceCache {

    /** Past this many entries the expired ones are dropped; a connection storm of unknown ids cannot grow it forever. */
    private static final int SWEEP_ABOVE = 100_000;

    private record Entry(Uni<Optional<DeviceRecord>> lookup, long expiresAt) {
        boolean fresh(long now) {
            return expiresAt - now > 0;
        }
    }

    private final Pool pool;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public DeviceCache(@ReactiveDataSource("brokerauth") Pool pool, PlatePayConfig config) {
        this.pool = pool;
        this.ttlNanos = config.brokerHooks().cacheTtl().toNanos();
    }

    public Uni<Optional<DeviceRecord>> find(String deviceId) {
        long now = System.nanoTime();
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(e -> !e.fresh(now));
        }
        Entry entry = entries.compute(deviceId, (id, old) -> old != null && old.fresh(now) ? old
                : new Entry(DeviceLookup.find(pool, id).memoize().indefinitely(), now + ttlNanos));
        // A failed read is not kept: the next call asks the database again.
        return entry.lookup().onFailure().invoke(() -> entries.remove(deviceId, entry));
    }

    void forget(@Observes DeviceChanged changed) {
        String id = changed.deviceId().toString();
        entries.keySet().removeIf(key -> key.equalsIgnoreCase(id));
    }
}
