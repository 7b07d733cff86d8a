package com.platepay.notifications;

import com.platepay.enrollment.DriverDirectory;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/me/notifications")
@RolesAllowed(Roles.DRIVER)
public class NotificationResource {

    public record NotificationView(UUID id, UUID chargeId, String kind, String title, String body, Instant createdAt) {
    }

    private final DriverDirectory drivers;

    public NotificationResource(DriverDirectory drivers) {
        this.drivers = drivers;
    }

    @GET
    @WithTransaction
    public Uni<List<NotificationView>> list() {
        return drivers.current()
                .flatMap(d -> Notification.<Notification>find("driverId = ?1 order by createdAt desc", d.id).page(0, 100).list())
                .map(ns -> ns.stream().map(n -> new NotificationView(n.id, n.chargeId, n.kind, n.title, n.body, n.createdAt)).toList());
    }
}
