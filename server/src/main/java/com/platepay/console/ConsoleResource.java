package com.platepay.console;

import com.platepay.platform.ApiException;
import com.platepay.platform.PlatePayConfig;
import com.platepay.platform.Roles;
import com.platepay.sites.OperatorDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What the operator console reads: the live feed of the operator's charges and plate reads (a list, and a stream of
 * server-sent events as they commit), the figures behind its charts, and the devices with when each was last heard
 * of. Everything is bound to the calling operator's own sites.
 */
@Path("/api/v1/operator/console")
@RolesAllowed(Roles.OPERATOR)
public class ConsoleResource {

    static final Duration PING = Duration.ofSeconds(20);
    static final Duration LONGEST = Duration.ofMinutes(5);
    private static final Set<String> STATUSES = Set.of("AUTHORIZING", "APPROVED", "DECLINED", "UNKNOWN", "REVERSED", "REVERSAL_FAILED");

    private final OperatorDirectory operators;
    private final ConsoleQueries queries;
    private final ConsoleEvents events;
    private final SecurityIdentity identity;
    private final ZoneId zone;

    public ConsoleResource(OperatorDirectory operators, ConsoleQueries queries, ConsoleEvents events, SecurityIdentity identity,
                           PlatePayConfig config) {
        this.operators = operators;
        this.queries = queries;
        this.events = events;
        this.identity = identity;
        this.zone = config.charging().businessZone();
    }

    private Uni<UUID> organisation() {
        return Panache.withTransaction(operators::current).map(o -> o.id);
    }

    @GET
    @Path("/charges")
    public Uni<List<ConsoleQueries.FeedCharge>> charges(@QueryParam("siteId") UUID siteId, @QueryParam("status") String status,
                                                        @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("INVALID_STATUS", "status is one of " + STATUSES);
        }
        int bounded = Math.max(1, Math.min(limit, 500));
        return organisation().flatMap(org -> queries.charges(org, siteId, status, bounded));
    }

    @GET
    @Path("/reads")
    public Uni<List<ConsoleQueries.FeedRead>> reads(@QueryParam("siteId") UUID siteId, @QueryParam("limit") @DefaultValue("50") int limit) {
        int bounded = Math.max(1, Math.min(limit, 500));
        return organisation().flatMap(org -> queries.reads(org, siteId, bounded));
    }

    /** The newest cylinder checks (CNG): the fill decision and the payment part's, newest first. */
    @GET
    @Path("/checks")
    public Uni<List<ConsoleQueries.FeedCheck>> checks(@QueryParam("siteId") UUID siteId, @QueryParam("limit") @DefaultValue("50") int limit) {
        int bounded = Math.max(1, Math.min(limit, 500));
        return organisation().flatMap(org -> queries.checks(org, siteId, bounded));
    }

    /** Per local day of each site (its time zone), the last {@code days} days; and the decline reasons over the same days. */
    @GET
    @Path("/stats")
    public Uni<ConsoleQueries.ConsoleStats> stats(@QueryParam("days") @DefaultValue("14") int days) {
        if (days < 1 || days > 92) {
            throw ApiException.badRequest("INVALID_DAYS", "days is 1 to 92");
        }
        LocalDate from = LocalDate.now(zone).minusDays(days - 1L);
        return organisation().flatMap(org -> queries.stats(org, from, zone.getId()));
    }

    @GET
    @Path("/devices")
    public Uni<List<ConsoleQueries.DeviceActivity>> devices() {
        return organisation().flatMap(queries::devices);
    }

    /**
     * {@code ready} once, then {@code charge} (a FeedCharge) whenever a charge of the operator's sites is stored or
     * moves, {@code read} (a FeedRead) for each plate read, {@code check} (a FeedCheck) for each cylinder check,
     * {@code device} (a DeviceActivity) when a device goes online or offline, and {@code ping} every 20 s. It ends when the token it was
     * opened with expires (at most 5 minutes); the console reconnects with a fresh one.
     */
    @APIResponse(responseCode = "200", description = "the stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Duration open = untilTokenExpires();
        return Multi.createFrom().uni(organisation().map(Scope::new))
                .flatMap(scope -> {
                    Multi<OutboundSseEvent> ready = Multi.createFrom().item(sse.newEventBuilder().name("ready").data("{}").build());
                    Multi<OutboundSseEvent> live = events.of(scope.operatorId())
                            .onItem().transformToUniAndConcatenate(e -> event(sse, scope.operatorId(), e))
                            .filter(e -> e != null);
                    Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(PING)
                            .map(tick -> sse.newEventBuilder().name("ping").data("{}").build());
                    return Multi.createBy().concatenating().streams(ready,
                            Multi.createBy().merging().streams(live, pings).select().first(open));
                });
    }

    private record Scope(UUID operatorId) {
    }

    /** The row an event names, as the operator sees it now; null when it is not the operator's (or is gone). */
    private Uni<OutboundSseEvent> event(Sse sse, UUID operatorId, ConsoleEvents.SiteEvent e) {
        return switch (e.kind()) {
            case "read" -> queries.read(operatorId, e.id()).map(r -> r == null ? null : json(sse, "read", r.id(), ConsoleQueries.FeedRead.class, r));
            case "check" -> queries.check(operatorId, e.id()).map(c -> c == null ? null : json(sse, "check", c.id(), ConsoleQueries.FeedCheck.class, c));
            case "device" -> queries.device(operatorId, e.id()).map(d -> d == null ? null
                    : json(sse, "device", d.id(), ConsoleQueries.DeviceActivity.class, d));
            default -> queries.charge(operatorId, e.id()).map(c -> c == null ? null : json(sse, "charge", c.id(), ConsoleQueries.FeedCharge.class, c));
        };
    }

    private static <T> OutboundSseEvent json(Sse sse, String name, UUID id, Class<T> type, T data) {
        return sse.newEventBuilder().name(name).id(id.toString()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(type, data).build();
    }

    private Duration untilTokenExpires() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
            return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) > 0 ? LONGEST : left;
        }
        return LONGEST;
    }
}
