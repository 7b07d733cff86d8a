package com.platepay.charging;

import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.sites.OperatorDirectory;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/operator/charges")
@RolesAllowed(Roles.OPERATOR)
public class OperatorChargeResource {

    private static final String OWN_SITES = "siteId in (select s.id from Site s where s.operatorId = ?1)";

    private final OperatorDirectory operators;

    public OperatorChargeResource(OperatorDirectory operators) {
        this.operators = operators;
    }

    /** Charges at the operator's sites (optionally one site), newest first. */
    @GET
    @WithTransaction
    public Uni<List<ChargeView>> list(@QueryParam("siteId") UUID siteId) {
        return operators.current()
                .flatMap(o -> siteId == null
                        ? Charge.<Charge>find(OWN_SITES + " order by createdAt desc", o.id).page(0, 200).list()
                        : Charge.<Charge>find(OWN_SITES + " and siteId = ?2 order by createdAt desc", o.id, siteId).page(0, 200).list())
                .map(cs -> cs.stream().map(ChargeView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<ChargeView> get(@PathParam("id") UUID id) {
        return operators.current().flatMap(o -> Charge.<Charge>find("id = ?2 and " + OWN_SITES, o.id, id).<Charge>firstResult())
                .map((Charge c) -> {
                    if (c == null) {
                        throw ApiException.notFound("charge");
                    }
                    return ChargeView.of(c);
                });
    }
}
