package com.platepay.platform;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs reactive work that uses Hibernate Reactive from threads Vert.x does not own (MQTT client callbacks,
 * broker extension threads). Hibernate Reactive needs a safe duplicated context; this gives each unit of work
 * its own, without blocking the calling thread.
 */
@ApplicationScoped
public class ReactiveContext {

    private final Vertx vertx;

    public ReactiveContext(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> CompletionStage<T> run(Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(result::complete, result::completeExceptionally);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
