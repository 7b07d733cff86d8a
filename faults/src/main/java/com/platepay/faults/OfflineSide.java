package com.platepay.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.offline.Voucher;
import com.platepay.protocol.offline.VoucherResult;
import com.platepay.protocol.sim.DeviceConfig;
import com.platepay.protocol.sim.OfflineHandheld;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A handheld's offline side, as the simulator's {@code fill --offline} and {@code sync} work it: the server-signed
 * allow-list from the device's {@code command} topic, and for each offline fill a voucher numbered by the durable
 * counter, signed and forced to the queue on disk ({@link OfflineHandheld}, the simulator's own code). Back online,
 * it uploads the queue one voucher at a time in counter order, each until it has a final answer (PAID or ARREARS),
 * then settles it; a voucher without one stops the upload, so a later one never overtakes it. Some vouchers are
 * uploaded again after they settled, and while duplicate delivery is on some uploads are published twice.
 */
final class OfflineSide {
    /** An offline fill takes the attendant a moment too, so an offline handheld does not race through its plan. */
    private static final long FILL_MS = 100;
    private static final long PENDING_PAUSE_MS = 300;
    /** Share of settled vouchers uploaded once more (the server must answer from what it stored, never debit again). */
    static final double REUPLOAD_RATE = 0.25;

    private final DeviceConfig device;
    private final OfflineHandheld handheld;
    private final SuiteConfig config;
    private final HandheldLog log;
    private final Tally tally;
    private final FaultSwitches switches;
    private final Random random;
    private final EnvelopeSigner signer;
    private final LongSupplier seq;
    private final Consumer<byte[]> publish;
    private final Map<Long, CompletableFuture<VoucherResult>> answers = new ConcurrentHashMap<>();
    private volatile int listVehicles = -1;
    private Duration clockOffset = Duration.ZERO;

    OfflineSide(DeviceConfig device, Path deviceFile, SuiteConfig config, HandheldLog log, Tally tally, FaultSwitches switches, Random random,
                EnvelopeSigner signer, LongSupplier seq, Consumer<byte[]> publish) {
        this.device = device;
        this.handheld = new OfflineHandheld(device, deviceFile);
        this.config = config;
        this.log = log;
        this.tally = tally;
        this.switches = switches;
        this.random = random;
        this.signer = signer;
        this.seq = seq;
        this.publish = publish;
    }

    /** A message on the command topic (signature checked by the simulator's cache). */
    void onCommand(byte[] payload) {
        try {
            if (handheld.offerAllowList(payload) > 0) {
                listVehicles = ProtocolCodec.decode(payload).body().path("vehicles").size();
            }
        } catch (Exception e) {
            // not a list this device can use; the next one will do
        }
    }

    /** Whether the device holds an allow-list with vehicles on it. */
    boolean holdsList() {
        return listVehicles > 0;
    }

    /** A voucher result whose server signature the handheld verified. */
    void onResult(JsonNode body) {
        VoucherResult r;
        try {
            r = ProtocolCodec.mapper().treeToValue(body, VoucherResult.class);
        } catch (Exception e) {
            return;
        }
        if (r.counter() == null) {
            return;
        }
        log.voucherAnswered(device.deviceId(), r.counter(), r.status());
        CompletableFuture<VoucherResult> f = answers.get(r.counter());
        if (f != null) {
            f.complete(r);
        }
    }

    /** The device clock jumps (the vouchers after it say so in capturedAt; their counters still say the order). */
    void jumpClock(Duration by) {
        clockOffset = clockOffset.plus(by);
        tally.clockJumps.increment();
    }

    /** One fill decided on the device: a voucher issued, or refused (not on the list, over the plate's floor). */
    void fill(PlannedCharge charge, String pump) {
        Sleep.millis(FILL_MS);
        OfflineHandheld.Outcome o;
        try {
            o = handheld.fill(charge.plate(), "BLUE", null, "CNG", charge.amount(), "CNY", pump, "fault-suite",
                    Clock.offset(Clock.systemUTC(), clockOffset));
        } catch (Exception e) {
            throw new IllegalStateException("the handheld's voucher queue failed", e);
        }
        if (o.issued()) {
            log.issued(o.voucher(), !clockOffset.isZero());
            tally.vouchersIssued.increment();
        } else {
            tally.refusedOffline(o.refusal());
        }
    }

    /** Whether vouchers are left to upload. */
    boolean pending() {
        try {
            return !handheld.pending().isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException("the handheld's voucher queue is unreadable", e);
        }
    }

    /** Uploads the queue in counter order; false when one got no final answer in time (it and the later ones wait). */
    boolean upload() {
        try {
            for (Voucher v : handheld.pending()) {
                VoucherResult r = upload(v);
                if (r == null) {
                    return false;
                }
                handheld.settle(v.counter(), r.status(), r.voucherId());
                log.voucherSettled(device.deviceId(), v.counter(), r.status());
                if (random.nextDouble() < REUPLOAD_RATE) {
                    tally.voucherReuploads.increment();
                    log.uploadingAgain(device.deviceId(), v.counter());
                    upload(v);
                }
            }
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("the handheld's voucher queue failed", e);
        }
    }

    /** One voucher, sent again (fresh envelope) after no answer, PENDING or REJECTED, until final or given up. */
    private VoucherResult upload(Voucher v) {
        long giveUpAt = System.nanoTime() + config.chargeGiveUp().toNanos();
        while (System.nanoTime() < giveUpAt) {
            CompletableFuture<VoucherResult> answer = new CompletableFuture<>();
            answers.put(v.counter(), answer);
            byte[] payload = ProtocolCodec.encode(signer.sign(ProtocolCodec.envelope(MessageTypes.VOUCHER, device.deviceId(),
                    device.siteId(), seq.getAsLong(), v)));
            log.uploading(device.deviceId(), v.counter());
            tally.voucherUploads.increment();
            publish.accept(payload);
            if (switches.duplicates() && random.nextDouble() < config.duplicateRate()) {
                publish.accept(payload);
                tally.voucherCopies.increment();
            }
            switches.nudge();
            VoucherResult r = await(answer);
            if (r == null) {
                tally.voucherNoAnswer.increment();
                continue;
            }
            if (r.settled()) {
                answers.remove(v.counter());
                return r;
            }
            if (VoucherResult.PENDING.equals(r.status())) {
                tally.voucherPending.increment();
            } else {
                tally.voucherRejected.increment();
            }
            Sleep.millis(PENDING_PAUSE_MS);
        }
        answers.remove(v.counter());
        log.voucherAnswered(device.deviceId(), v.counter(), null);
        return null;
    }

    private VoucherResult await(CompletableFuture<VoucherResult> answer) {
        try {
            return answer.get(config.resultTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Sleep.SuiteAborted("interrupted");
        }
    }
}
