package com.platepay.offline;

import com.platepay.enrollment.DriverDirectory;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A driver's offline arrears: fills a station's handheld accepted offline whose debit then failed. Only the driver
 * whose card was tried (or who holds the plate) sees one; anyone else's is 404.
 */
@Path("/api/v1/me/offline-arrears")
@RolesAllowed(Roles.DRIVER)
public class DriverArrearsResource {

    private static final String MINE = "select " + VoucherView.COLUMNS + " " + """
             from vouchers v join sites s on s.id = v.site_id
            where v.driver_id = ?1 and v.status = 'ARREARS' order by v.created_at desc, v.device_id, v.counter desc""";
    private static final String ONE = "select " + VoucherView.COLUMNS + " " + """
             from vouchers v join sites s on s.id = v.site_id
            where v.id = ?1 and v.driver_id = ?2 and v.status = 'ARREARS'""";

    private final DriverDirectory drivers;

    public DriverArrearsResource(DriverDirectory drivers) {
        this.drivers = drivers;
    }

    @GET
    @WithTransaction
    public Uni<List<VoucherView>> arrears() {
        return drivers.current().flatMap(d -> Panache.getSession().flatMap(s -> s.createNativeQuery(MINE, Object[].class)
                .setParameter(1, d.id).getResultList())).map(rows -> rows.stream().map(VoucherView::of).toList());
    }

    @APIResponse(responseCode = "200", description = "the arrears")
    @APIResponse(responseCode = "404", description = "no such arrears of this driver")
    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<VoucherView> one(@PathParam("id") UUID id) {
        return drivers.current().flatMap(d -> Panache.getSession().flatMap(s -> s.createNativeQuery(ONE, Object[].class)
                .setParameter(1, id).setParameter(2, d.id).getResultList())).map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiException.notFound("arrears");
                    }
                    return VoucherView.of(rows.get(0));
                });
    }
}
