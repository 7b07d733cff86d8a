package com.platepay.activity;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every driver notification as it commits, from PostgreSQL's LISTEN/NOTIFY (the V7 trigger on notifications), so a
 * replica learns of charges another replica decided. One LISTEN connection per server, reconnected when it drops (a
 * stream reconnecting after a drop reloads its lists, so nothing is missed for long). Nothing here is a source of
 * truth: the rows are.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    static final String CHANNEL = "platepay_driver_events";

    /** A notification for a driver, as announced. */
    public record DriverEvent(UUID driverId, UUID notificationId) {
    }

    private final BroadcastProcessor<DriverEvent> events = BroadcastProcessor.create();
    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;

    public LiveEvents(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                      @ConfigProperty(name = "quarkus.datasource.username") String user,
                      @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url)
                .setUser(user).setPassword(password);
    }

    void start(@Observes StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(this::announce);
        subscriber.closeHandler(() -> LOG.warn("the live events connection to PostgreSQL closed; reconnecting"));
        subscriber.connect().subscribe().with(ok -> LOG.debug("listening for driver events"),
                failure -> LOG.warnf("live events: could not listen (%s); open streams get no events until it can",
                        failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        events.onComplete();
    }

    private void announce(String payload) {
        try {
            JsonObject json = new JsonObject(payload);
            events.onNext(new DriverEvent(UUID.fromString(json.getString("driverId")), UUID.fromString(json.getString("notificationId"))));
        } catch (RuntimeException e) {
            LOG.warnf("live events: ignored a malformed notice (%s)", e.getMessage());
        }
    }

    /** This driver's events from now on; a slow reader keeps up to 256 before the oldest are dropped. */
    public Multi<DriverEvent> of(UUID driverId) {
        return events.onOverflow().buffer(256).filter(e -> e.driverId().equals(driverId));
    }
}
