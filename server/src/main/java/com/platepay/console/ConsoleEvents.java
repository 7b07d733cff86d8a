package com.platepay.console;

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
 * Every charge and plate read of every site as it commits, from PostgreSQL's LISTEN/NOTIFY (the V14 triggers), so
 * any replica's console stream sees what any replica decided. One LISTEN connection per server, reconnected when it
 * drops; the console reloads its list when its stream reconnects. The rows are the truth, not these events.
 */
@ApplicationScoped
public class ConsoleEvents {

    private static final Logger LOG = Logger.getLogger(ConsoleEvents.class);
    static final String CHANNEL = "platepay_site_events";

    /** kind: charge, read, check (a cylinder check) or device (its presence moved; id is the device). */
    public record SiteEvent(UUID siteId, String kind, UUID id) {
    }

    private final BroadcastProcessor<SiteEvent> events = BroadcastProcessor.create();
    private final SiteOwners owners;
    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;

    public ConsoleEvents(SiteOwners owners, Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") String user,
                         @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.owners = owners;
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url)
                .setUser(user).setPassword(password);
    }

    void start(@Observes StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(this::announce);
        subscriber.connect().subscribe().with(ok -> LOG.debug("listening for site events"),
                failure -> LOG.warnf("console events: could not listen (%s)", failure.getMessage()));
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
            events.onNext(new SiteEvent(UUID.fromString(json.getString("siteId")), json.getString("kind"),
                    UUID.fromString(json.getString("id"))));
        } catch (RuntimeException e) {
            LOG.warnf("console events: ignored a malformed notice (%s)", e.getMessage());
        }
    }

    /**
     * Events of this operator's sites from now on, sites created after the stream opened included; a slow reader keeps
     * up to 512 before the oldest are dropped.
     */
    public Multi<SiteEvent> of(UUID operatorId) {
        return events.onOverflow().buffer(512)
                .onItem().transformToUniAndConcatenate(e -> owners.of(e.siteId()).map(owner -> operatorId.equals(owner) ? e : null))
                .filter(e -> e != null);
    }
}
