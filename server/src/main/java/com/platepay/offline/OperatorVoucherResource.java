package com.platepay.offline;

import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.sites.OperatorDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The vouchers the organisation's handhelds uploaded, in each handheld's counter order: ?status=ARREARS lists what
 * drivers owe. Another organisation's voucher is 404.
 */
@Path("/api/v1/operator/vouchers")
@RolesAllowed(Roles.OPERATOR)
public class OperatorVoucherResource {

    private static final String OURS = "select " + VoucherView.COLUMNS + " " + """
             from vouchers v join sites s on s.id = v.site_id
            where v.operator_id = ?1 and (cast(?2 as varchar) is null or v.status = cast(?2 as varchar))
            order by v.site_id, v.device_id, v.counter limit 1000""";
    private static final String ONE = "select " + VoucherView.COLUMNS + " " + """
             from vouchers v join sites s on s.id = v.site_id where v.id = ?1 and v.operator_id = ?2""";

    private final OperatorDirectory operators;

    public OperatorVoucherResource(OperatorDirectory operators) {
        this.operators = operators;
    }

    /** At most 1000, by site, handheld and counter. */
    @GET
    @WithTransaction
    public Uni<List<VoucherView>> list(@QueryParam("status") VoucherStatus status) {
        return operators.current().flatMap(o -> Panache.getSession().flatMap(s -> s.createNativeQuery(OURS, Object[].class)
                .setParameter(1, o.id).setParameter(2, status == null ? null : status.name()).getResultList()))
                .map(rows -> rows.stream().map(VoucherView::of).toList());
    }

    @APIResponse(responseCode = "200", description = "the voucher")
    @APIResponse(responseCode = "404", description = "no such voucher of this organisation")
    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<VoucherView> one(@PathParam("id") UUID id) {
        return operators.current().flatMap(o -> Panache.getSession().flatMap(s -> s.createNativeQuery(ONE, Object[].class)
                .setParameter(1, id).setParameter(2, o.id).getResultList())).map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiException.notFound("voucher");
                    }
                    return VoucherView.of(rows.get(0));
                });
    }
}
