package com.platepay.protocol.sim;

import com.platepay.protocol.charge.Money;
import com.platepay.protocol.offline.HandheldAllowList;
import com.platepay.protocol.offline.Voucher;
import com.platepay.protocol.offline.Vouchers;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A fill while the handheld cannot reach the server: the cached, server-signed allow-list says whether the vehicle and
 * its cylinder may be filled offline, the device counts the plate's vouchers of the day against its floor, and a
 * voucher is issued: numbered by the durable counter, signed with the device key, and forced to the queue before the
 * attendant is told. Days are the station's (China Standard Time) by the device clock.
 */
final class OfflineFill {

    static final ZoneId STATION_ZONE = ZoneId.of("Asia/Shanghai");

    /** What the attendant is told. */
    sealed interface Outcome permits Issued, Refused {
    }

    record Issued(Voucher voucher, long usedToday, long floor) implements Outcome {
    }

    record Refused(String why) implements Outcome {
    }

    /** The fill as the attendant entered it (plate normalised, colour known). */
    record Fill(String plate, String colour, String tag, String medium, long amount, String currency, String pump, String attendant) {
    }

    private final DeviceOptions.Device device;
    private final OfflineFiles files;
    private final Clock clock;

    OfflineFill(DeviceOptions.Device device, OfflineFiles files, Clock clock) {
        this.device = device;
        this.files = files;
        this.clock = clock;
    }

    Outcome fill(Fill f) throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        HandheldAllowList list;
        try {
            list = new AllowListCache(files.allowList(), device.server(), device.config().deviceId()).current(now);
        } catch (AllowListCache.Unusable e) {
            return new Refused(e.getMessage());
        }
        if (!list.currency().equals(f.currency())) {
            return new Refused("the allow-list is in " + list.currency() + ", not " + f.currency());
        }
        HandheldAllowList.Vehicle vehicle = list.vehicles().stream()
                .filter(v -> v.plate().equals(f.plate()) && v.plateColour().equals(f.colour())).findFirst().orElse(null);
        if (vehicle == null) {
            return new Refused(f.plate() + " (" + f.colour() + ") is not on the offline allow-list (version " + list.version()
                    + "): take another payment");
        }
        LocalDate today = LocalDate.ofInstant(now, STATION_ZONE);
        String cylinders = cylinderRefusal(vehicle.cylinders(), f, today);
        if (cylinders != null) {
            return new Refused(cylinders);
        }
        VoucherQueue queue = new VoucherQueue(files);
        VoucherCounter counter = new VoucherCounter(files.counter());
        return counter.locked(() -> {
            long used = queue.all().stream()
                    .filter(v -> v.plate().equals(f.plate()) && v.plateColour().equals(f.colour()))
                    .filter(v -> LocalDate.ofInstant(v.capturedAt(), STATION_ZONE).equals(today))
                    .mapToLong(Voucher::amount).sum();
            if (used + f.amount() > vehicle.dailyFloor()) {
                return new Refused("over the offline floor: " + Money.format(used) + " of " + Money.format(vehicle.dailyFloor()) + " "
                        + list.currency() + " already used today for " + f.plate() + ", " + Money.format(f.amount())
                        + " more is not allowed offline: take another payment");
            }
            long number = counter.next(queue.highestCounter());
            Voucher v = Vouchers.sign(new Voucher(device.config().deviceId(), device.config().siteId(), number, f.plate(), f.colour(),
                    f.tag(), f.amount(), f.currency(), f.pump(), f.attendant(), now, list.version(), null), device.key());
            queue.append(v);
            return new Issued(v, used + f.amount(), vehicle.dailyFloor());
        });
    }

    /** The same safety answer as online, from the list: the tag is the vehicle's, in date, and takes this medium. */
    private static String cylinderRefusal(List<HandheldAllowList.Cylinder> cylinders, Fill f, LocalDate today) {
        List<HandheldAllowList.Cylinder> checked = f.tag() == null ? cylinders
                : cylinders.stream().filter(c -> c.tagId().equals(f.tag())).toList();
        if (checked.isEmpty()) {
            return "do not fill: tag " + f.tag() + " is not a cylinder of " + f.plate() + " on the offline allow-list";
        }
        for (HandheldAllowList.Cylinder c : checked) {
            if (today.isAfter(c.nextInspectionDue())) {
                return "do not fill: cylinder " + c.tagId() + " was due for inspection on " + c.nextInspectionDue();
            }
            if (!c.medium().equals(f.medium())) {
                return "do not fill: cylinder " + c.tagId() + " takes " + c.medium() + ", the pump dispenses " + f.medium();
            }
        }
        return null;
    }

    /** Only for a message: the refusal is a safety one (do not fill) rather than a payment one. */
    static boolean isSafetyRefusal(Refused r) {
        return r.why().startsWith("do not fill");
    }

    static String issuedLine(Issued i) throws IOException {
        return "OFFLINE VOUCHER #" + i.voucher().counter() + " " + Money.format(i.voucher().amount()) + " " + i.voucher().currency()
                + " for " + i.voucher().plate() + " (" + Money.format(i.usedToday()) + " of the " + Money.format(i.floor())
                + " offline floor used today); it is debited when the handheld is connected again";
    }
}
