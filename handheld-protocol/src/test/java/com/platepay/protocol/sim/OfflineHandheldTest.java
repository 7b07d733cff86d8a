package com.platepay.protocol.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.offline.HandheldAllowList;
import com.platepay.protocol.offline.Voucher;
import com.platepay.protocol.offline.Vouchers;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's offline side as another program drives it (the fault suite): list, fill, pending, settle. */
class OfflineHandheldTest {

    @TempDir
    Path dir;

    final KeyPair device = DeviceKeys.generate();
    final KeyPair server = DeviceKeys.generate();
    final DeviceConfig config = new DeviceConfig("hh-1", "site-1", "hh-1", "secret", DeviceKeys.encodePrivate(device.getPrivate()),
            "mqtt://127.0.0.1:1883", DeviceKeys.encodePublic(server.getPublic()));
    final Clock now = Clock.fixed(Instant.parse("2026-12-02T04:00:00Z"), ZoneOffset.UTC);

    byte[] list(long version, KeyPair signer) {
        Instant issued = now.instant().truncatedTo(ChronoUnit.MILLIS);
        HandheldAllowList body = new HandheldAllowList(version, issued, issued.plus(Duration.ofDays(1)), "CNY",
                List.of(new HandheldAllowList.Vehicle("黑E12345", "BLUE", 5_000,
                        List.of(new HandheldAllowList.Cylinder("TAG-1", "CNG", LocalDate.parse("2027-09-30"))))));
        return ProtocolCodec.encode(new EnvelopeSigner(signer.getPrivate()).sign(ProtocolCodec.envelope(MessageTypes.HANDHELD_ALLOW_LIST,
                "hh-1", "site-1", version, body)));
    }

    @Test
    void fillsOfflineFromTheServersListUnderTheFloorAndSettlesInCounterOrder() throws Exception {
        OfflineHandheld h = new OfflineHandheld(config, dir.resolve("hh-1.json"));
        assertFalse(h.fill("黑E12345", "BLUE", null, "CNG", 1_000, "CNY", "1", "att", now).issued(), "no list held yet");
        assertEquals(-1, h.offerAllowList(list(3, DeviceKeys.generate())), "a list not signed by the server");
        assertEquals(3, h.offerAllowList(list(3, server)));

        OfflineHandheld.Outcome first = h.fill("黑E12345", "BLUE", null, "CNG", 3_000, "CNY", "1", "att", now);
        OfflineHandheld.Outcome second = h.fill("黑E12345", "BLUE", null, "CNG", 1_500, "CNY", "1", "att",
                Clock.offset(now, Duration.ofHours(-5)));
        OfflineHandheld.Outcome overFloor = h.fill("黑E12345", "BLUE", null, "CNG", 1_000, "CNY", "1", "att", now);
        OfflineHandheld.Outcome stranger = h.fill("黑A99999", "BLUE", null, "CNG", 100, "CNY", "1", "att", now);

        assertEquals(1, first.voucher().counter());
        assertEquals(2, second.voucher().counter(), "counters win over a clock jumped back");
        assertTrue(Vouchers.verify(second.voucher(), device.getPublic()));
        assertTrue(overFloor.refusal().contains("offline floor"), overFloor.refusal());
        assertFalse(stranger.issued());
        assertEquals(List.of(1L, 2L), h.pending().stream().map(Voucher::counter).toList());

        h.settle(1, "PAID", "v-1");
        assertEquals(List.of(2L), new OfflineHandheld(config, dir.resolve("hh-1.json")).pending().stream().map(Voucher::counter).toList(),
                "what is on disk is what a new run sees");
    }
}
