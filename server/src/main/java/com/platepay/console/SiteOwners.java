package com.platepay.console;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Which operator a site belongs to, remembered (a site never changes hands), so each live event costs no query. */
@ApplicationScoped
public class SiteOwners {

    private final Map<UUID, UUID> owners = new ConcurrentHashMap<>();
    private final Pool pool;

    public SiteOwners(Pool pool) {
        this.pool = pool;
    }

    /** The site's operator; null for a site that does not exist. */
    public Uni<UUID> of(UUID siteId) {
        UUID known = owners.get(siteId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.preparedQuery("select operator_id from sites where id = $1").execute(Tuple.of(siteId)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return null;
            }
            UUID owner = rows.iterator().next().getUUID("operator_id");
            owners.put(siteId, owner);
            return owner;
        });
    }
}
