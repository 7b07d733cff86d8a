package com.platepay.charging;

import com.platepay.enrollment.DriverDirectory;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/me/charges")
@RolesAllowed(Roles.DRIVER)
public class DriverChargeResource {

    private final DriverDirectory drivers;

    public DriverChargeResource(DriverDirectory drivers) {
        this.drivers = drivers;
    }

    /** Every charge against the driver's mandates, newest first. */
    @GET
    @WithTransaction
    public Uni<List<ChargeView>> list() {
        return drivers.current()
                .flatMap(d -> Charge.<Charge>find("driverId = ?1 order by createdAt desc", d.id).page(0, 200).list())
                .map(cs -> cs.stream().map(ChargeView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<ChargeView> get(@PathParam("id") UUID id) {
        return drivers.current().flatMap(d -> Charge.<Charge>find("id = ?1 and driverId = ?2", id, d.id).<Charge>firstResult())
                .map((Charge c) -> {
                    if (c == null) {
                        throw ApiException.notFound("charge");
                    }
                    return ChargeView.of(c);
                });
    }
}
