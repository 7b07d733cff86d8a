package com.platepay.parking;

import com.platepay.platform.Hashes;
import com.platepay.protocol.CanonicalJson;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.parking.AllowList;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Gives a lot's lane allow-list its version from the database (table {@code lane_allow_lists}): a new one only when the
 * list changed. Replicas that build the same list get the same version; none can go back (see V20).
 */
@ApplicationScoped
public class LaneAllowListVersions {

    private static final String TAKE = """
            insert into lane_allow_lists (site_id, version, digest, updated_at)
            values (?1, cast(extract(epoch from clock_timestamp()) * 1000 as bigint), ?2, now())
            on conflict (site_id) do update set version = lane_allow_lists.version + 1, digest = excluded.digest,
                updated_at = excluded.updated_at
            where lane_allow_lists.digest <> excluded.digest""";

    private static final String CURRENT = "select version, digest from lane_allow_lists where site_id = ?1";

    /**
     * The version of this list of the lot's plates; null when another replica stored a different list at the same
     * moment (the next round publishes the newer one). Runs in a transaction.
     */
    Uni<Long> take(UUID siteId, List<AllowList.Entry> plates) {
        String digest = digest(plates);
        return Panache.getSession().flatMap(s -> s.createNativeQuery(TAKE).setParameter(1, siteId).setParameter(2, digest).executeUpdate())
                .flatMap(ignored -> Panache.getSession().flatMap(s -> s.createNativeQuery(CURRENT, Object[].class)
                        .setParameter(1, siteId).getSingleResult()))
                .map(r -> digest.equals(r[1]) ? ((Number) r[0]).longValue() : null);
    }

    static String digest(List<AllowList.Entry> plates) {
        return Hashes.sha256Hex(CanonicalJson.bytes(ProtocolCodec.tree(plates)));
    }
}
