package com.platepay.protocol.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./platepay bench}: end-to-end charge latency as a handheld sees it (publish until the result arrives),
 * through the broker, the server, PostgreSQL and the bank. Prints throughput and p50/p95/p99; asserts nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Sends many charges from the demo handheld and prints throughput and latency (publish -> result).",
                "Each charge is a fresh charge id for a small amount, so the demo plate's daily cap allows thousands."})
final class BenchCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--count", defaultValue = "300", description = "charges to send (default ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--concurrency", defaultValue = "8", description = "charges in flight at once (default ${DEFAULT-VALUE})")
    int concurrency;
    @Option(names = "--warmup", defaultValue = "30", description = "charges sent first and not measured (default ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--plate", defaultValue = "黑E12345", description = "plate to charge (default ${DEFAULT-VALUE})")
    String plate;
    @Option(names = "--amount-fen", defaultValue = "1", description = "amount of each charge in fen (default ${DEFAULT-VALUE})")
    long amount;
    @Option(names = "--device-file", paramLabel = "FILE", description = "device credentials (default: the demo's handheld.json)")
    Path deviceFile;

    private final Map<String, String> env;
    private final PrintStream out;

    BenchCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (count < 1 || concurrency < 1 || warmup < 0 || amount < 1) {
            out.println("bench: --count, --concurrency and --amount-fen must be positive");
            return HandheldCli.USAGE;
        }
        DeviceConfig device = DeviceConfig.read(deviceFile != null ? deviceFile : ChargeCommand.demoDeviceFile(env));
        EnvelopeSigner signer = new EnvelopeSigner(DeviceKeys.decodePrivate(device.privateKey()));
        String chargeTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE);
        String resultTopic = Topics.device(device.siteId(), device.deviceId(), Topics.CHARGE_RESULT);
        Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        AtomicLong seq = new AtomicLong(System.currentTimeMillis());
        Duration timeout = Duration.ofSeconds(30);
        try (DeviceLink link = new Mqtt5Link(BrokerUrl.parse(device.broker() == null ? ChargeCommand.DEFAULT_BROKER : device.broker()))) {
            link.connect(device.deviceId(), device.mqttUsername() != null ? device.mqttUsername() : device.deviceId(),
                    device.mqttPassword(), timeout);
            link.subscribe(resultTopic, received -> {
                try {
                    JsonNode body = ProtocolCodec.decode(received.payload()).body();
                    CompletableFuture<JsonNode> f = waiting.remove(body.path("chargeId").asText(""));
                    if (f != null) {
                        f.complete(body);
                    }
                } catch (Exception ignored) {
                    // not ours to measure
                }
            }, timeout);
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try {
                run(pool, warmup, link, signer, device, chargeTopic, waiting, seq, timeout);
                long start = System.nanoTime();
                List<Sample> samples = run(pool, count, link, signer, device, chargeTopic, waiting, seq, timeout);
                report(samples, (System.nanoTime() - start) / 1e9);
            } finally {
                pool.shutdownNow();
            }
        }
        return HandheldCli.OK;
    }

    private record Sample(double millis, String status) {
    }

    private List<Sample> run(ExecutorService pool, int n, DeviceLink link, EnvelopeSigner signer, DeviceConfig device,
                             String topic, Map<String, CompletableFuture<JsonNode>> waiting, AtomicLong seq, Duration timeout)
            throws Exception {
        List<Future<Sample>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                String id = Ids.newUuidV7();
                ChargeRequest request = new ChargeRequest(id, plate, "BLUE", amount, "CNY", null, null, null, "bench",
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
                CompletableFuture<JsonNode> result = new CompletableFuture<>();
                waiting.put(id, result);
                long sent = System.nanoTime();
                link.publish(topic, ProtocolCodec.encode(signer.sign(ProtocolCodec.envelope(MessageTypes.CHARGE,
                        device.deviceId(), device.siteId(), seq.incrementAndGet(), request))), null,
                        id.getBytes(StandardCharsets.UTF_8), timeout);
                JsonNode body = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return new Sample((System.nanoTime() - sent) / 1e6, body.path("status").asText() + "/" + body.path("reasonCode").asText());
            }));
        }
        List<Sample> samples = new ArrayList<>();
        for (Future<Sample> f : futures) {
            samples.add(f.get());
        }
        return samples;
    }

    private void report(List<Sample> samples, double seconds) {
        List<Double> ms = new ArrayList<>(samples.stream().map(Sample::millis).toList());
        Collections.sort(ms);
        Map<String, Integer> statuses = new TreeMap<>();
        samples.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
        out.printf("charges: %d (after %d warm-up), concurrency %d%n", samples.size(), warmup, concurrency);
        out.printf("throughput: %.1f charges/s%n", samples.size() / seconds);
        out.printf("latency publish->result ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.get(ms.size() - 1));
        out.printf("results: %s%n", statuses);
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
