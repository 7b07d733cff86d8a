package com.platepay.charging;

import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.protocol.plate.PlateNumber;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Every charge, for platform staff: find one by id, or the newest by status or plate (e.g. the UNKNOWN ones). */
@Path("/api/v1/admin/charges")
@RolesAllowed(Roles.ADMIN)
public class AdminChargeResource {

    @GET
    @WithSession
    public Uni<List<ChargeView>> list(@QueryParam("status") String status, @QueryParam("plate") String plate) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", parseStatus(status));
        }
        if (plate != null) {
            where.add("plate = :plate");
            params.and("plate", PlateNumber.parse(plate).text());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by createdAt desc";
        return Charge.<Charge>find(query, params).page(0, 200).list().map(cs -> cs.stream().map(ChargeView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ChargeView> get(@PathParam("id") UUID id) {
        return Charge.<Charge>findById(id).map(c -> {
            if (c == null) {
                throw ApiException.notFound("charge");
            }
            return ChargeView.of(c);
        });
    }

    private static ChargeStatus parseStatus(String value) {
        try {
            return ChargeStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_STATUS", "status must be one of " + List.of(ChargeStatus.values()));
        }
    }
}
