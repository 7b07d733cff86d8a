package com.platepay.bench;

import com.platepay.protocol.Ids;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends charges from many handhelds and measures each from the moment it was <em>scheduled</em> to its verified
 * result (open loop): when the server stalls, the charges that should have gone out meanwhile are late from their
 * scheduled time, so a stall shows in the figures instead of slowing the load down (no coordinated omission).
 * With rate 0 it runs flat out instead: a fixed number of charges outstanding, each timed from its send.
 */
final class ChargeLoad {
    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(120);
    private static final long ANSWER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

    /** A charge sent and not answered yet. */
    private record Pending(long scheduledNanos, boolean measured) {
    }

    private final List<LoadDevice> devices;
    private final List<String> plates;
    private final Random random;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram steady = new Histogram(HIGHEST_MICROS, 3);
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder answered = new LongAdder();
    private final LongAdder approvedInWindow = new LongAdder();
    private final LongAdder badSignatures = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile Semaphore slots;

    ChargeLoad(List<LoadDevice> devices, List<String> plates, long seed) {
        this.devices = devices;
        this.plates = plates;
        this.random = new Random(seed);
    }

    void connect() throws Exception {
        CompletableFuture.allOf(devices.stream().map(d -> d.connect(this::onResult, badSignatures::increment))
                .toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    /**
     * Brings a freshly started server up to speed (JIT, pools, caches) with {@code count} charges, {@code inFlight} at a
     * time, none of them measured, so the open-loop warm-up does not start with a backlog of cold-server seconds.
     */
    void prime(int count, int inFlight, PrintStream out) throws InterruptedException {
        if (count <= 0) {
            return;
        }
        long started = System.nanoTime();
        slots = new Semaphore(inFlight);
        for (int i = 0; i < count; i++) {
            slots.acquire();
            send(i, System.nanoTime(), false);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!pending.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        slots = null;
        pending.clear();
        recorder.reset();
        out.printf("primed the server with %d charges, %d in flight, in %.1f s%n", count, inFlight, (System.nanoTime() - started) / 1e9);
    }

    /** What the steady state measured. */
    record Figures(Histogram latencyMicros, double approvedPerSecond, long measured, Map<String, Long> outcomes, long noAnswer,
                   long badSignatures, double loadGeneratorCores, double steadySeconds) {
    }

    /** @param atSteadyStart run (on its own thread) when the steady state begins */
    Figures run(int rate, int inFlight, int warmupSeconds, int durationSeconds, Runnable atSteadyStart, PrintStream out)
            throws InterruptedException {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long steadyStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = steadyStart + TimeUnit.SECONDS.toNanos(durationSeconds);
        windowStart = steadyStart;
        windowEnd = end;
        out.printf("warm-up: %d s, then steady state: %d s, %s, %d handhelds%n", warmupSeconds, durationSeconds,
                rate > 0 ? "open loop at " + rate + " charges/s" : "flat out with " + inFlight + " in flight", devices.size());
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-progress");
            t.setDaemon(true);
            return t;
        });
        long[] lastAnswered = {0};
        progress.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            Histogram interval = recorder.getIntervalHistogram();
            long total = answered.sum();
            String phase = now < steadyStart ? "warm-up" : now < end ? "steady " : "drain  ";
            out.printf("  %s t=%3.0fs sent %7d answered %7d (%5.0f/s) in flight %5d  last 5 s: p50 %6.1f ms p99 %7.1f ms%n",
                    phase, (now - start) / 1e9, sent.sum(), total, (total - lastAnswered[0]) / 5.0, pending.size(),
                    interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0);
            lastAnswered[0] = total;
        }, 5, 5, TimeUnit.SECONDS);
        progress.schedule(atSteadyStart, Math.max(0, steadyStart - System.nanoTime()), TimeUnit.NANOSECONDS);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtSteady = -1;
        if (rate > 0) {
            long i = 0;
            while (true) {
                long due = start + (long) (i * 1e9 / rate);
                if (due >= end) {
                    break;
                }
                parkUntil(due);
                if (cpuAtSteady < 0 && due >= steadyStart) {
                    cpuAtSteady = os.getProcessCpuTime();
                }
                send(i++, due, due >= steadyStart);
            }
        } else {
            slots = new Semaphore(inFlight);
            parkUntil(start);
            long i = 0;
            while (System.nanoTime() < end) {
                if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                long now = System.nanoTime();
                if (cpuAtSteady < 0 && now >= steadyStart) {
                    cpuAtSteady = os.getProcessCpuTime();
                }
                send(i++, now, now >= steadyStart);
            }
        }
        long cpuAtEnd = os.getProcessCpuTime();
        long drainUntil = System.nanoTime() + ANSWER_GRACE_NANOS;
        while (!pending.isEmpty() && System.nanoTime() < drainUntil) {
            Thread.sleep(50);
        }
        progress.shutdownNow();
        long noAnswer = pending.values().stream().filter(Pending::measured).count();
        Map<String, Long> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.sum()));
        double steadySeconds = durationSeconds;
        double cores = cpuAtSteady < 0 ? 0 : (cpuAtEnd - cpuAtSteady) / 1e9 / steadySeconds;
        synchronized (steady) {
            return new Figures(steady.copy(), approvedInWindow.sum() / steadySeconds, steady.getTotalCount(), counted, noAnswer,
                    badSignatures.sum(), cores, steadySeconds);
        }
    }

    private void send(long n, long scheduled, boolean measured) {
        LoadDevice device = devices.get((int) (n % devices.size()));
        String chargeId = Ids.newUuidV7();
        String plate = plates.get(random.nextInt(plates.size()));
        long amount = 1 + random.nextInt(99);
        pending.put(chargeId, new Pending(scheduled, measured));
        sent.increment();
        device.charge(chargeId, plate, amount).whenComplete((ack, failure) -> {
            if (failure != null && pending.remove(chargeId) != null) {
                count(measured, "PUBLISH_FAILED");
                release();
            }
        });
    }

    private void onResult(LoadDevice.Result result) {
        long now = System.nanoTime();
        Pending p = pending.remove(result.chargeId());
        if (p == null) {
            return;
        }
        release();
        answered.increment();
        long micros = Math.min(HIGHEST_MICROS, Math.max(1, (now - p.scheduledNanos()) / 1000));
        recorder.recordValue(micros);
        if (p.measured()) {
            synchronized (steady) {
                steady.recordValue(micros);
            }
            count(true, "APPROVED".equals(result.status()) ? "APPROVED" : result.status() + "/" + result.reasonCode());
        }
        if ("APPROVED".equals(result.status()) && now >= windowStart && now < windowEnd) {
            approvedInWindow.increment();
        }
    }

    private void count(boolean measured, String outcome) {
        if (measured) {
            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        }
    }

    private void release() {
        Semaphore s = slots;
        if (s != null) {
            s.release();
        }
    }

    private static void parkUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    void close() {
        devices.forEach(LoadDevice::close);
    }
}
