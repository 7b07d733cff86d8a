package com.platepay.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a charge's time goes: one histogram per stage ({@code platepay_charge_stage_seconds{stage=...}} on
 * /q/metrics), so a benchmark or an operator can see the verify, first transaction, bank, second transaction and
 * reply stages apart without a profiler. With tracing on ({@code quarkus.otel.sdk.disabled=false}) each timed stage is
 * also an OpenTelemetry span, a child of the message's span; with it off (the default) no span is made at all.
 */
@ApplicationScoped
public class StageTimers {

    public static final String METRIC = "platepay.charge.stage";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    /** Null when tracing is off: the charge path then pays one null check per stage. */
    private final Tracer tracer;

    public StageTimers(MeterRegistry registry, Tracer tracer,
                       @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "true") boolean tracingOff) {
        this.registry = registry;
        this.tracer = tracingOff ? null : tracer;
    }

    /** Times the work from subscription to its item or failure (and traces it, when tracing is on). */
    public <T> Uni<T> time(String stage, Supplier<Uni<T>> work) {
        if (tracer == null) {
            return Uni.createFrom().deferred(() -> {
                long started = System.nanoTime();
                return work.get().onTermination().invoke(() -> record(stage, System.nanoTime() - started));
            });
        }
        return Uni.createFrom().emitter(emitter -> {
            long started = System.nanoTime();
            Context parent = Context.current();
            Span span = tracer.spanBuilder(stage).setParent(parent).startSpan();
            // Subscribed with the span current, so what the work starts now (the bank's HTTP call) is its child; the
            // next stage starts under the parent again, a sibling.
            try (Scope ignored = span.makeCurrent()) {
                work.get().subscribe().with(item -> {
                    end(span, null);
                    record(stage, System.nanoTime() - started);
                    try (Scope back = parent.makeCurrent()) {
                        emitter.complete(item);
                    }
                }, failure -> {
                    end(span, failure);
                    record(stage, System.nanoTime() - started);
                    try (Scope back = parent.makeCurrent()) {
                        emitter.fail(failure);
                    }
                });
            }
        });
    }

    /**
     * A device message's own span, made current for the rest of this unit of work (its own duplicated Vert.x context,
     * see {@link ReactiveContext}); null when tracing is off. End it with {@link #end}.
     */
    public Span startMessage(String name) {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.spanBuilder(name).setParent(Context.root()).startSpan();
        span.makeCurrent();   // not closed: the duplicated context that holds it ends with the message
        return span;
    }

    /** A span under {@code parent} (none when tracing is off), for work that ends in a callback, such as a publish. */
    public Span startChild(String name, Span parent) {
        return parent == null ? null : tracer.spanBuilder(name).setParent(Context.root().with(parent)).startSpan();
    }

    public static void end(Span span, Throwable failure) {
        if (span == null) {
            return;
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    public void record(String stage, long nanos) {
        timers.computeIfAbsent(stage, s -> Timer.builder(METRIC).tag("stage", s).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10)).register(registry))
                .record(Duration.ofNanos(nanos));
    }
}
