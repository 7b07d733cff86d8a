package com.platepay.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where a charge's time goes: one histogram per stage ({@code platepay_charge_stage_seconds{stage=...}} on
 * /q/metrics), so a benchmark or an operator can see the verify, first transaction, bank, second transaction and
 * reply stages apart without a profiler.
 */
@ApplicationScoped
public class StageTimers {

    public static final String METRIC = "platepay.charge.stage";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public StageTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times the work from subscription to its item or failure. */
    public <T> Uni<T> time(String stage, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return work.get().onTermination().invoke(() -> record(stage, System.nanoTime() - started));
        });
    }

    public void record(String stage, long nanos) {
        timers.computeIfAbsent(stage, s -> Timer.builder(METRIC).tag("stage", s).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10)).register(registry))
                .record(Duration.ofNanos(nanos));
    }
}
