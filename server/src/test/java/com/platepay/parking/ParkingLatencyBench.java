package com.platepay.parking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.platepay.protocol.Envelope;
import com.platepay.protocol.parking.LaneCommand;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.testing.ExtraDriver;
import com.platepay.testing.Plates;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestLane;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import com.platepay.platform.StageTimers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: exit read to OPEN_BARRIER through the broker, the server, PostgreSQL and the simulated
 * bank, at 1 lane and at 50 lanes reading at once. Runs only with -Dparking.bench=true and prints its figures.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class ParkingLatencyBench extends StackTest {

    @Inject
    MeterRegistry registry;

    @Test
    void exitReadToOpenBarrier() throws Exception {
        assumeTrue(Boolean.getBoolean("parking.bench"), "a benchmark: run with -Dparking.bench=true");
        String site = scenario.site(Users.OLGA, "PARKING");
        Map<String, Object> lot = new HashMap<>(Map.of("timeZone", "Asia/Harbin", "freeMinutes", 0, "firstPeriodMinutes", 60,
                "firstPeriodPrice", 1, "periodMinutes", 60, "periodPrice", 1, "graceMinutes", 0, "declinePolicy", "OPEN_ARREARS",
                "maxDebitAttempts", 3, "repeatWindowSeconds", 0));
        Users.OLGA.api().body(lot).put("/api/v1/operator/parking/lots/" + site).then().statusCode(200);
        int lanes = Integer.getInteger("parking.bench.lanes", 50);
        int rounds = Integer.getInteger("parking.bench.rounds", 4);
        TestLane entry = lane(site, "in", "ENTRY");
        List<TestLane> exits = new ArrayList<>();
        List<String> plates = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            exits.add(lane(site, "out-" + i, "EXIT"));
            plates.add(enrol());
        }
        // Warm up, then one lane alone.
        List<Long> single = new ArrayList<>();
        Map<String, double[]> before = Map.of();
        for (int i = 0; i < 20 + 60; i++) {
            if (i == 20) {
                before = stages();
            }
            entry.send(TestLane.read(PlateRead.Direction.ENTRY, plates.get(0), 990, List.of(), false));
            long t = exit(exits.get(0), plates.get(0));
            if (i >= 20) {
                single.add(t);
            }
        }
        report("1 lane", single);
        reportStages(before, stages());
        before = stages();
        List<Long> many = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        for (int r = 0; r < rounds; r++) {
            for (String plate : plates) {
                entry.send(TestLane.read(PlateRead.Direction.ENTRY, plate, 990, List.of(), false));
            }
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                TestLane lane = exits.get(i);
                String plate = plates.get(i);
                done.add(pool.submit(() -> exit(lane, plate)));
            }
            for (Future<Long> f : done) {
                many.add(f.get());
            }
        }
        pool.shutdown();
        report(lanes + " lanes reading in the same instant", many);
        reportStages(before, stages());
        paced(site, plates, exits);
    }

    /**
     * Every lane at a barrier's pace, open loop: each lane's car enters and, half an interval later, exits, once per
     * interval, the lanes' phases spread at random. Latency counts from the exit's scheduled time, so an exit sent
     * late because the lane was still waiting for its entry's answer shows the wait.
     */
    private void paced(String site, List<String> plates, List<TestLane> exits) throws Exception {
        long intervalMs = Long.getLong("parking.bench.interval-ms", 6_000);
        long durationMs = Long.getLong("parking.bench.duration-ms", 60_000);
        List<TestLane> entries = new ArrayList<>();
        for (int i = 0; i < exits.size(); i++) {
            entries.add(lane(site, "in-" + i, "ENTRY"));
        }
        java.util.Random random = new java.util.Random(17);
        long t0 = System.nanoTime() + 2_000_000_000L;
        List<Long> many = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(exits.size());
        List<Future<?>> done = new ArrayList<>();
        Map<String, double[]> before = stages();
        for (int i = 0; i < exits.size(); i++) {
            TestLane in = entries.get(i);
            TestLane out = exits.get(i);
            String plate = plates.get(i);
            long phase = (long) (random.nextDouble() * intervalMs) * 1_000_000L;
            done.add(pool.submit(() -> {
                for (long k = 0; k * intervalMs < durationMs; k++) {
                    long entryAt = t0 + phase + k * intervalMs * 1_000_000L;
                    sleepUntil(entryAt);
                    in.send(TestLane.read(PlateRead.Direction.ENTRY, plate, 990, List.of(), false));
                    long exitAt = entryAt + intervalMs * 500_000L;
                    sleepUntil(exitAt);
                    long seq = out.nextSeq();
                    out.publish(out.envelope(TestLane.read(PlateRead.Direction.EXIT, plate, 990, List.of(), false), seq, Instant.now()));
                    LaneCommand c = out.awaitAck(seq);
                    many.add((System.nanoTime() - exitAt) / 1000);
                    assertEquals(LaneCommand.Action.OPEN_BARRIER, c.action(), c.decision());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        report(exits.size() + " lanes, each a car every " + intervalMs + " ms (open loop, " + durationMs / 1000 + " s)", many);
        reportStages(before, stages());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The server's stage timers: count and total milliseconds per stage, to report the mean of a phase. */
    private Map<String, double[]> stages() {
        Map<String, double[]> out = new HashMap<>();
        for (Timer t : registry.find(StageTimers.METRIC).timers()) {
            out.put(t.getId().getTag("stage"), new double[] {t.count(), t.totalTime(TimeUnit.MILLISECONDS)});
        }
        return out;
    }

    /** Mean per stage over the phase; entries and exits both count in the plate-read stages. */
    private static void reportStages(Map<String, double[]> before, Map<String, double[]> after) {
        StringBuilder line = new StringBuilder("PARKING BENCH server stages, mean ms:");
        after.keySet().stream().sorted().forEach(stage -> {
            double[] b = before.getOrDefault(stage, new double[2]);
            double[] a = after.get(stage);
            double n = a[0] - b[0];
            if (n > 0) {
                line.append(String.format(" %s %.1f (n=%d)", stage, (a[1] - b[1]) / n, (long) n));
            }
        });
        System.out.println(line);
    }

    private static long exit(TestLane lane, String plate) {
        long seq = lane.nextSeq();
        Envelope e = lane.envelope(TestLane.read(PlateRead.Direction.EXIT, plate, 990, List.of(), false), seq, Instant.now());
        long start = System.nanoTime();
        lane.publish(e);
        LaneCommand c = lane.awaitAck(seq);
        long micros = (System.nanoTime() - start) / 1000;
        assertEquals(LaneCommand.Action.OPEN_BARRIER, c.action(), c.decision());
        return micros;
    }

    private static void report(String what, List<Long> micros) {
        if (micros.isEmpty()) {
            return;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("PARKING BENCH %s: %d exits, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
                at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }

    /** Setting up 50 drivers on a loaded machine may time out a call; the figures are about the exits. */
    private String enrol() {
        for (int attempt = 1; ; attempt++) {
            try {
                return enrolOnce();
            } catch (AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Each plate its own driver, as 50 cars at 50 lanes are: with one driver for all of them, every exit waits for
     * the same per-driver daily-cap row, and the bench measures that lock instead of the exit path.
     */
    private String enrolOnce() {
        String plate = Plates.random();
        ExtraDriver driver = ExtraDriver.create("parker");
        var account = bank.openAccount("DEBIT", 10_000_000);
        String vehicle = scenario.vehicle(driver, plate);
        String card = scenario.card(driver, account);
        scenario.mandate(driver, vehicle, card, 50_000, 100_000, List.of("PARKING"));
        return plate;
    }

    private TestLane lane(String site, String name, String direction) {
        Scenario.DeviceCredentials camera = scenario.device(Users.OLGA, site, "CAMERA");
        Users.OLGA.api().body(Map.of("deviceId", camera.deviceId(), "name", name, "direction", direction, "confidenceThreshold", 900))
                .post("/api/v1/operator/parking/lots/" + site + "/lanes").then().statusCode(201);
        return new TestLane(camera, mqttPort);
    }
}
