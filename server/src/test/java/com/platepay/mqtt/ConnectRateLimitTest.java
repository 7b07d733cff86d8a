package com.platepay.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-address bucket on a clock the test moves. */
class ConnectRateLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void anAddressGetsItsBurstThenItsRateAndOthersAreNotTouched() throws Exception {
        ConnectRateLimit limit = new ConnectRateLimit(3, Set.of("10.0.0.9"), now::get);
        InetAddress a = InetAddress.getByName("10.0.0.1");
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryAcquire(a), "within the burst: " + i);
        }
        assertFalse(limit.tryAcquire(a), "past the burst");
        assertFalse(limit.tryAcquire(a), "a refused attempt does not refill anything");
        assertTrue(limit.tryAcquire(InetAddress.getByName("10.0.0.2")), "another address has its own bucket");
        now.addAndGet(340_000_000L);   // a third of a second and a bit: one token at 3 a second
        assertTrue(limit.tryAcquire(a));
        assertFalse(limit.tryAcquire(a));
        now.addAndGet(10_000_000_000L);   // long idle: back to a full burst, no more
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryAcquire(a));
        }
        assertFalse(limit.tryAcquire(a));
    }

    @Test
    void exemptAddressesAndAZeroRateAreNotLimited() throws Exception {
        ConnectRateLimit limit = new ConnectRateLimit(1, Set.of("10.0.0.9"), now::get);
        InetAddress exempt = InetAddress.getByName("10.0.0.9");
        for (int i = 0; i < 10; i++) {
            assertTrue(limit.tryAcquire(exempt));
        }
        ConnectRateLimit off = new ConnectRateLimit(0, Set.of(), now::get);
        for (int i = 0; i < 10; i++) {
            assertTrue(off.tryAcquire(InetAddress.getByName("10.0.0.1")));
        }
    }
}
