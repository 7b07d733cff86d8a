package com.platepay.mqtt;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * CONNECTs per IP address per second on the embedded broker (HiveMQ CE's configuration has only a global connection
 * cap, so the limit lives in the authentication extension, checked before any credential or database read). Each
 * address has a bucket of {@code perSecond} connects, refilled at {@code perSecond} a second: a device that
 * reconnects after an outage gets in at once, a flood from one address is refused with "connection rate exceeded"
 * and costs no password hash and no query. A refused attempt takes no token, so the address still gets its rate.
 */
final class ConnectRateLimit {

    /** Past this many addresses the full buckets (idle for a second or more) are dropped; a scan cannot grow the map forever. */
    private static final int SWEEP_ABOVE = 50_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private final Set<String> exempt;
    private final LongSupplier clock;
    private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** @param perSecond 0 or less: no limit. */
    ConnectRateLimit(int perSecond, Set<String> exempt, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.exempt = Set.copyOf(exempt);
        this.clock = nanoClock;
    }

    /** Whether a CONNECT from this address may go on now (and if so, it is counted). Unknown address: yes. */
    boolean tryAcquire(InetAddress address) {
        if (perSecond <= 0 || address == null || exempt.contains(address.getHostAddress())) {
            return true;
        }
        long now = clock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> refilled(b, now) >= perSecond);
        }
        boolean[] granted = new boolean[1];
        buckets.compute(address, (a, b) -> {
            Bucket bucket = b == null ? new Bucket(perSecond, now) : b;
            bucket.tokens = refilled(bucket, now);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                granted[0] = true;
            }
            return bucket;
        });
        return granted[0];
    }

    private double refilled(Bucket b, long now) {
        return Math.min(perSecond, b.tokens + (double) (now - b.at) * perSecond / NANOS_PER_SECOND);
    }
}
