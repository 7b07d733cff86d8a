package com.platepay.activity;

import com.platepay.enrollment.DriverDirectory;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The driver's live stream (server-sent events): {@code ready} once, then a {@code notification} event (a
 * {@link FeedItem} as JSON) for every notification of theirs as it commits (every charge approved or declined against
 * their mandates, a reversal, a vehicle review, a dispute's move), and a {@code ping} every 20 s. The stream ends
 * when the access token it was opened with expires (at most 5 minutes): the app reconnects with a fresh token, so a
 * revoked user stops getting events then at the latest. Open it with an Authorization header (fetch), not EventSource.
 */
@Path("/api/v1/me/events")
@RolesAllowed(Roles.DRIVER)
public class DriverEventsResource {

    static final Duration PING = Duration.ofSeconds(20);
    static final Duration LONGEST = Duration.ofMinutes(5);

    private final DriverDirectory drivers;
    private final LiveEvents live;
    private final ActivityQueries queries;
    private final SecurityIdentity identity;

    public DriverEventsResource(DriverDirectory drivers, LiveEvents live, ActivityQueries queries, SecurityIdentity identity) {
        this.drivers = drivers;
        this.live = live;
        this.queries = queries;
        this.identity = identity;
    }

    @APIResponse(responseCode = "200", description = "the stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Duration open = untilTokenExpires();
        return Multi.createFrom().uni(Panache.withTransaction(drivers::current)).flatMap(driver -> {
            Multi<OutboundSseEvent> ready = Multi.createFrom().item(sse.newEventBuilder().name("ready").data("{}").build());
            Multi<OutboundSseEvent> notifications = live.of(driver.id)
                    .onItem().transformToUniAndConcatenate(e -> queries.feedItem(driver.id, e.notificationId()))
                    .filter(item -> item != null)
                    .map(item -> sse.newEventBuilder().name("notification").id(item.id().toString())
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(FeedItem.class, item).build());
            Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(PING)
                    .map(tick -> sse.newEventBuilder().name("ping").data("{}").build());
            return Multi.createBy().concatenating().streams(ready,
                    Multi.createBy().merging().streams(notifications, pings).select().first(open));
        });
    }

    private Duration untilTokenExpires() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
            return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) > 0 ? LONGEST : left;
        }
        return LONGEST;
    }
}
