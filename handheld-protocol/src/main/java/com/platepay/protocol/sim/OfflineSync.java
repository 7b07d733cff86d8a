package com.platepay.protocol.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.Money;
import com.platepay.protocol.offline.Voucher;
import com.platepay.protocol.offline.VoucherResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a connected handheld does for its offline side, on one connection: take the newest allow-list the server
 * retained on its {@code command} topic, then upload every voucher the server has not settled, one at a time in
 * counter order, waiting for each answer before the next (so the order holds even across server replicas).
 * A PAID or ARREARS answer is written to the settled file before the next voucher goes; a voucher without an answer
 * in time stops the upload, and it and every later one go again on the next run, answered from what the server stored.
 */
final class OfflineSync {

    record Report(long listVersion, int uploaded, int settled, int pending, int rejected, boolean stoppedOnTimeout) {
        int left() {
            return pending + rejected + (stoppedOnTimeout ? 1 : 0);
        }
    }

    private final DeviceOptions.Device d;
    private final OfflineFiles files;
    private final PrintStream out;
    private final PrintStream err;

    OfflineSync(DeviceOptions.Device d, OfflineFiles files, PrintStream out, PrintStream err) {
        this.d = d;
        this.files = files;
        this.out = out;
        this.err = err;
    }

    Report run(boolean fetchList, Duration listWait) throws DeviceLink.LinkException, IOException, InterruptedException {
        DeviceConfig device = d.config();
        String resultTopic = Topics.device(device.siteId(), device.deviceId(), Topics.VOUCHER_RESULT);
        String requestTopic = Topics.device(device.siteId(), device.deviceId(), Topics.VOUCHER);
        Map<Long, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
        CompletableFuture<Long> listed = new CompletableFuture<>();
        AllowListCache cache = new AllowListCache(files.allowList(), d.server(), device.deviceId());
        VoucherQueue queue = new VoucherQueue(files);
        try (DeviceLink link = d.link()) {
            link.connect(d.clientId(), d.mqttUser(), device.mqttPassword(), d.timeout());
            link.subscribe(resultTopic, r -> onResult(r.payload(), answers), d.timeout());
            long version = cache.heldVersion();
            if (fetchList) {
                link.subscribe(Topics.device(device.siteId(), device.deviceId(), Topics.COMMAND), r -> onCommand(r.payload(), cache, listed),
                        d.timeout());
                try {
                    version = listed.get(listWait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    err.println("handheld: no allow-list from the server yet (a GAS site's handhelds get one within a minute); "
                            + (version < 0 ? "none held" : "keeping version " + version));
                } catch (ExecutionException e) {
                    err.println("handheld: " + e.getCause().getMessage());
                }
            }
            List<Voucher> pending = queue.pending();
            int uploaded = 0;
            int settled = 0;
            int stillPending = 0;
            int rejected = 0;
            for (Voucher v : pending) {
                CompletableFuture<JsonNode> answer = answers.computeIfAbsent(v.counter(), c -> new CompletableFuture<>());
                Envelope e = new EnvelopeSigner(d.key()).sign(ProtocolCodec.envelope(MessageTypes.VOUCHER, device.deviceId(),
                        device.siteId(), new SeqFile(d.seqPath()).next(), v));
                link.publish(requestTopic, ProtocolCodec.encode(e), d.mqttVersion() == 5 ? resultTopic : null,
                        d.mqttVersion() == 5 ? Long.toString(v.counter()).getBytes(StandardCharsets.UTF_8) : null, d.timeout());
                uploaded++;
                JsonNode body;
                try {
                    body = answer.get(d.timeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException ex) {
                    err.println("handheld: no answer for voucher #" + v.counter() + " in time; it and the later ones go again next time");
                    return new Report(version, uploaded, settled, stillPending, rejected, true);
                }
                out.println(ProtocolCodec.mapper().writeValueAsString(body));
                VoucherResult result = ProtocolCodec.mapper().treeToValue(body, VoucherResult.class);
                if (result.settled()) {
                    queue.settle(v.counter(), result.status(), result.voucherId());
                    settled++;
                } else if (VoucherResult.PENDING.equals(result.status())) {
                    stillPending++;
                } else {
                    rejected++;
                }
                err.println("voucher #" + v.counter() + " " + result.status() + " " + Money.format(v.amount()) + " " + v.currency()
                        + " (" + result.reasonCode() + ")" + (VoucherResult.ARREARS.equals(result.status())
                        ? ": the debit failed; the driver owes it as arrears" : ""));
            }
            return new Report(version, uploaded, settled, stillPending, rejected, false);
        }
    }

    private void onResult(byte[] payload, Map<Long, CompletableFuture<JsonNode>> answers) {
        Envelope e;
        try {
            e = ProtocolCodec.decode(payload);
        } catch (ProtocolException ex) {
            return;
        }
        if (!MessageTypes.VOUCHER_RESULT.equals(e.type())) {
            return;
        }
        if (d.server() != null && !EnvelopeVerifier.verify(e, d.server())) {
            err.println("handheld: ignoring a voucher result whose signature is not the server's");
            return;
        }
        JsonNode counter = e.body().get("counter");
        if (counter != null && counter.canConvertToLong()) {
            answers.computeIfAbsent(counter.longValue(), c -> new CompletableFuture<>()).complete(e.body());
        }
    }

    private void onCommand(byte[] payload, AllowListCache cache, CompletableFuture<Long> listed) {
        try {
            Envelope e = ProtocolCodec.decode(payload);
            if (!MessageTypes.HANDHELD_ALLOW_LIST.equals(e.type())) {
                return;
            }
            long kept = cache.offer(payload);
            err.println("handheld: offline allow-list version " + kept + " held");
            listed.complete(kept);
        } catch (AllowListCache.Unusable ex) {
            err.println("handheld: ignoring an allow-list: " + ex.getMessage());
        } catch (ProtocolException | IOException ex) {
            err.println("handheld: ignoring an unreadable message on the command topic (" + ex.getMessage() + ")");
        }
    }
}
