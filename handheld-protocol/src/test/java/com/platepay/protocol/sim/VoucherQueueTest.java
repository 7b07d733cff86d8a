package com.platepay.protocol.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.offline.Voucher;
import com.platepay.protocol.offline.Vouchers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue and the counter on disk: what a crash can leave behind never loses, reuses or doubles a voucher. */
class VoucherQueueTest {

    @TempDir
    Path dir;

    final KeyPair key = DeviceKeys.generate();

    OfflineFiles files() {
        return new OfflineFiles(dir.resolve("h.allow-list.json"), dir.resolve("h.voucher-counter"), dir.resolve("h.vouchers"),
                dir.resolve("h.vouchers-settled"));
    }

    Voucher voucher(long counter, Instant capturedAt) {
        return Vouchers.sign(new Voucher("hh-1", "site-1", counter, "黑E12345", "BLUE", null, 100 * counter, "CNY", null, null, capturedAt,
                1, null), key.getPrivate());
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheNextVoucherStartsOnAFreshLine() throws Exception {
        VoucherQueue queue = new VoucherQueue(files());
        queue.append(voucher(1, Instant.parse("2026-11-23T10:00:00Z")));
        Files.writeString(files().queue(), "{\"deviceId\":\"hh-1\",\"coun", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        queue.append(voucher(3, Instant.parse("2026-11-23T09:00:00Z")));

        assertEquals(List.of(1L, 3L), queue.all().stream().map(Voucher::counter).toList());
        assertTrue(queue.all().stream().allMatch(v -> Vouchers.verify(v, key.getPublic())));
    }

    @Test
    void pendingIsInCounterOrderWhateverTheClockSaidAndSettledOnesAreLeftOut() throws Exception {
        VoucherQueue queue = new VoucherQueue(files());
        queue.append(voucher(2, Instant.parse("2026-11-23T08:00:00Z")));
        queue.append(voucher(1, Instant.parse("2026-11-23T12:00:00Z")));
        queue.append(voucher(3, Instant.parse("2026-11-22T12:00:00Z")));
        queue.settle(2, "PAID", "v2");
        Files.writeString(files().settled(), "3 PA", StandardCharsets.UTF_8, StandardOpenOption.APPEND);   // torn

        assertEquals(List.of(1L, 3L), queue.pending().stream().map(Voucher::counter).toList());
    }

    @Test
    void theCounterNeverGoesBackEvenWhenItsFileIsDamaged() throws Exception {
        VoucherCounter counter = new VoucherCounter(files().counter());
        assertEquals(1, counter.next(0));
        assertEquals(2, counter.next(0));
        Files.writeString(files().counter(), "garbage");
        assertEquals(8, counter.next(7), "never below what the queue holds");
        assertEquals(9, counter.next(0));
    }

    @Test
    void aVoucherChangedAfterSigningNoLongerVerifiesAndTheChargeIdIsStable() {
        Voucher v = voucher(5, Instant.parse("2026-11-23T10:00:00Z"));
        Voucher changed = new Voucher(v.deviceId(), v.siteId(), v.counter(), v.plate(), v.plateColour(), v.tagId(), v.amount() + 1,
                v.currency(), v.pump(), v.attendant(), v.capturedAt(), v.allowListVersion(), v.sig());
        assertTrue(Vouchers.verify(v, key.getPublic()));
        assertFalse(Vouchers.verify(changed, key.getPublic()));
        assertEquals(Vouchers.chargeId("HH-1", 5).length(), 36);
        assertEquals(Vouchers.chargeId("hh-1", 5), Vouchers.chargeId("hh-1", 5));
        assertFalse(Vouchers.chargeId("hh-1", 5).equals(Vouchers.chargeId("hh-1", 6)));
        assertTrue(com.platepay.protocol.Ids.isValidMessageId(Vouchers.chargeId("hh-1", 5)));
    }
}
