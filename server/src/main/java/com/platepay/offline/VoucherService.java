package com.platepay.offline;

import com.platepay.charging.ChargeCommand;
import com.platepay.charging.ChargeService;
import com.platepay.platform.Hashes;
import com.platepay.protocol.CanonicalJson;
import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.protocol.offline.Voucher;
import com.platepay.protocol.offline.VoucherResult;
import com.platepay.protocol.offline.Vouchers;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.DeviceRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Takes an uploaded voucher to its end once per (device, counter): stores it (an upload again finds it stored), then
 * charges it through the charging core under the one charge id {@link Vouchers#chargeId} derives from device and
 * counter, so a second upload, on any replica, is the same charge and never a second debit. An approved charge makes
 * the voucher PAID; a declined one makes it ARREARS, which the driver and the operator see. While the charge's
 * outcome is not known (a copy still at the bank) the answer is PENDING and the device uploads it again later.
 */
@ApplicationScoped
public class VoucherService {

    private static final Logger LOG = Logger.getLogger(VoucherService.class);

    private final VoucherStore store;
    private final ChargeService charges;

    public VoucherService(VoucherStore store, ChargeService charges) {
        this.store = store;
        this.charges = charges;
    }

    /** A voucher whose signatures (envelope and voucher), device and plate have been checked. */
    public record Upload(DeviceRecord device, Voucher voucher, PlateNumber plate, PlateColour colour) {
    }

    public Uni<VoucherResult> upload(Upload u, Runnable committed) {
        Voucher v = u.voucher();
        DeviceRecord device = u.device();
        String hash = Hashes.sha256Hex(CanonicalJson.bytes(ProtocolCodec.tree(v)));
        String chargeRef = Vouchers.chargeId(device.id().toString(), v.counter());
        VoucherStore.NewVoucher row = new VoucherStore.NewVoucher(device.id(), v.counter(), device.siteId(), device.operatorId(),
                u.plate().text(), u.colour().name(), v.tagId(), v.amount(), v.currency(), v.pump(), v.attendant(), v.capturedAt(),
                v.allowListVersion(), hash, v.sig(), chargeRef);
        return Panache.withTransaction(() -> store.insertOrFind(row)).invoke(committed).flatMap(stored -> {
            if (!stored.voucherHash().equals(hash)) {
                return Uni.createFrom().item(rejected(v.counter(), ReasonCodes.IDEMPOTENCY_CONFLICT,
                        "this counter was already used for a different voucher"));
            }
            if (stored.status() != VoucherStatus.RECEIVED) {
                return Uni.createFrom().item(answer(stored));
            }
            ChargeCommand command = new ChargeCommand(device.id(), device.siteId(), device.operatorId(), device.siteCategory(), chargeRef,
                    u.plate(), u.colour(), v.amount(), v.currency(), null, null, null, v.pump(), v.attendant(), v.capturedAt());
            return charges.admit(command)
                    .flatMap(admission -> admission instanceof ChargeService.Admission.Authorizing a ? charges.complete(a)
                            : Uni.createFrom().item(((ChargeService.Admission.Answered) admission).result()))
                    .flatMap(result -> recorded(stored, result, device));
        });
    }

    /** The charge's answer recorded on the voucher (unless another upload recorded it first), and the device's answer. */
    private Uni<VoucherResult> recorded(StoredVoucher stored, ChargeResult result, DeviceRecord device) {
        VoucherStatus to;
        if (result.status() == ResultStatus.APPROVED) {
            to = VoucherStatus.PAID;
        } else if (result.status() == ResultStatus.DECLINED) {
            to = VoucherStatus.ARREARS;
        } else if (ReasonCodes.IN_PROGRESS.equals(result.reasonCode())) {
            return Uni.createFrom().item(new VoucherResult(stored.counter(), VoucherResult.PENDING, ReasonCodes.IN_PROGRESS,
                    stored.id().toString(), stored.amount(), stored.currency(), "the debit is still in progress; upload it again later"));
        } else {
            LOG.warnf("voucher %d of device %s: the charge was refused (%s)", stored.counter(), device.id(), result.reasonCode());
            return Uni.createFrom().item(rejected(stored.counter(), result.reasonCode(), result.message()));
        }
        String reason = to == VoucherStatus.PAID ? ReasonCodes.APPROVED : result.reasonCode();
        return Panache.withTransaction(() -> store.settle(stored, to, reason)
                        .flatMap(moved -> store.find(device.id(), stored.counter())))
                .map(VoucherService::answer);
    }

    static VoucherResult answer(StoredVoucher v) {
        return switch (v.status()) {
            case PAID -> new VoucherResult(v.counter(), VoucherResult.PAID, ReasonCodes.APPROVED, v.id().toString(), v.amount(), v.currency(),
                    "paid");
            case ARREARS -> new VoucherResult(v.counter(), VoucherResult.ARREARS, v.reasonCode(), v.id().toString(), v.amount(), v.currency(),
                    "the debit failed (" + v.reasonCode() + "): the driver owes it as arrears");
            case RECEIVED -> new VoucherResult(v.counter(), VoucherResult.PENDING, ReasonCodes.IN_PROGRESS, v.id().toString(), v.amount(),
                    v.currency(), "upload it again later");
        };
    }

    public static VoucherResult rejected(Long counter, String code, String message) {
        String text = message == null || message.length() <= 200 ? message : message.substring(0, 197) + "...";
        return new VoucherResult(counter, VoucherResult.REJECTED, code, null, null, null, text);
    }

    /** The voucher's own signature must be the device's, made for this device and site. */
    public static String refusal(DeviceRecord device, Voucher v) {
        if (!device.id().toString().equals(Ids.canonical(v.deviceId())) || !device.siteId().toString().equals(Ids.canonical(v.siteId()))) {
            return ReasonCodes.TOPIC_MISMATCH;
        }
        if (!Vouchers.verify(v, com.platepay.protocol.DeviceKeys.decodePublic(device.publicKey()))) {
            return ReasonCodes.BAD_SIGNATURE;
        }
        return null;
    }
}
