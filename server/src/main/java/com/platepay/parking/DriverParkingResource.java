package com.platepay.parking;

import com.platepay.enrollment.DriverDirectory;
import com.platepay.platform.Roles;
import com.platepay.sites.Site;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A driver's parking debts: the stays a lot let out although the card was declined, and settling one with the card
 * bound to its plate. Only the driver whose card was tried sees a stay; anyone else's is 404.
 */
@Path("/api/v1/me/parking")
@RolesAllowed(Roles.DRIVER)
public class DriverParkingResource {

    private final DriverDirectory drivers;
    private final ArrearsSettlement settlement;

    public DriverParkingResource(DriverDirectory drivers, ArrearsSettlement settlement) {
        this.drivers = drivers;
        this.settlement = settlement;
    }

    @GET
    @Path("/arrears")
    @WithTransaction
    public Uni<List<ParkingViews.ArrearsView>> arrears() {
        return drivers.current().flatMap(d -> settlement.owed(d.id)).flatMap(DriverParkingResource::views);
    }

    /**
     * Debits the stay now. The answer is the stay afterwards: PAID, ARREARS again (with the bank's reason) or,
     * when a copy of this request is still at the bank, CHARGING. Clicking twice never debits twice.
     */
    @POST
    @Path("/arrears/{sessionId}/settle")
    public Uni<ParkingViews.ArrearsView> settle(@PathParam("sessionId") UUID sessionId) {
        return Panache.withTransaction(drivers::current)
                .flatMap(d -> settlement.settle(d.id, sessionId))
                .flatMap(s -> Panache.withSession(() -> views(List.of(s))))
                .map(views -> views.get(0));
    }

    private static Uni<List<ParkingViews.ArrearsView>> views(List<ParkingSession> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> siteIds = sessions.stream().map(s -> s.siteId).distinct().toList();
        return Site.<Site>list("id in ?1", siteIds).flatMap(sites -> ParkingLot.<ParkingLot>list("siteId in ?1", siteIds).map(lots -> {
            Map<UUID, String> names = sites.stream().collect(Collectors.toMap(site -> site.id, site -> site.name));
            Map<UUID, ParkingLot> bySite = lots.stream().collect(Collectors.toMap(l -> l.siteId, Function.identity()));
            return sessions.stream().map(s -> ParkingViews.ArrearsView.of(s, names.get(s.siteId), bySite.get(s.siteId).maxDebitAttempts))
                    .toList();
        }));
    }
}
