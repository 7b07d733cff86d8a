package com.platepay.protocol.sim;

import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.offline.Voucher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The simulator's offline side for a program that runs many handhelds on connections of its own (the fault suite):
 * the same allow-list cache, durable counter, voucher queue and floor as {@code handheld fill --offline} and
 * {@code handheld sync}, with the files beside {@code deviceFile} (which need not exist). Uploading is the caller's:
 * one voucher at a time from {@link #pending()}, in counter order, {@link #settle} on a PAID or ARREARS answer.
 */
public final class OfflineHandheld {

    /** A voucher issued (forced to the queue), or why the device refused the fill. */
    public record Outcome(Voucher voucher, String refusal) {
        public boolean issued() {
            return voucher != null;
        }
    }

    private final DeviceOptions.Device device;
    private final OfflineFiles files;

    public OfflineHandheld(DeviceConfig config, Path deviceFile) {
        this.device = new DeviceOptions.Device(config, deviceFile, DeviceKeys.decodePrivate(config.privateKey()),
                config.serverPublicKey() == null ? null : DeviceKeys.decodePublic(config.serverPublicKey()), BrokerUrl.parse(config.broker()),
                config.mqttUsername(), config.deviceId(), Duration.ofSeconds(10), 5, null);
        this.files = OfflineFiles.of(device);
    }

    /**
     * A message from the device's {@code command} topic: kept when it is a server-signed allow-list for this device
     * newer than the one held. The version held afterwards, or -1 when the message is no usable list.
     */
    public long offerAllowList(byte[] payload) throws IOException {
        try {
            if (!MessageTypes.HANDHELD_ALLOW_LIST.equals(ProtocolCodec.decode(payload).type())) {
                return -1;
            }
            return new AllowListCache(files.allowList(), device.server(), device.config().deviceId()).offer(payload);
        } catch (AllowListCache.Unusable | ProtocolException e) {
            return -1;
        }
    }

    /** The fill decided on the device, by {@code clock} (the device clock, which may be off): a voucher or a refusal. */
    public Outcome fill(String plate, String colour, String tag, String medium, long amount, String currency, String pump,
                        String attendant, Clock clock) throws Exception {
        OfflineFill.Outcome o = new OfflineFill(device, files, clock)
                .fill(new OfflineFill.Fill(plate, colour, tag, medium, amount, currency, pump, attendant));
        return o instanceof OfflineFill.Issued i ? new Outcome(i.voucher(), null) : new Outcome(null, ((OfflineFill.Refused) o).why());
    }

    /** What the server has not settled yet, in counter order. */
    public List<Voucher> pending() throws IOException {
        return new VoucherQueue(files).pending();
    }

    /** Every voucher issued, in counter order. */
    public List<Voucher> all() throws IOException {
        return new VoucherQueue(files).all();
    }

    /** The server took the voucher for good (PAID or ARREARS): it leaves the pending list. */
    public void settle(long counter, String status, String voucherId) throws IOException {
        new VoucherQueue(files).settle(counter, status, voucherId);
    }
}
