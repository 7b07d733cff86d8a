package com.platepay.charging;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.protocol.plate.PlateNumber;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every charge, for platform staff: find one by id, or the newest by status or plate. {@code ?status=REVERSAL_FAILED}
 * is the list of charges whose reversal the bank never confirmed: each needs a person, who can ask for it again.
 */
@Path("/api/v1/admin/charges")
@RolesAllowed(Roles.ADMIN)
public class AdminChargeResource {

    private final ChargeJanitor janitor;
    private final AuditLog audit;

    public AdminChargeResource(ChargeJanitor janitor, AuditLog audit) {
        this.janitor = janitor;
        this.audit = audit;
    }

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

    /** A REVERSAL_FAILED charge goes back to the janitor with a fresh set of attempts (e.g. after the bank's outage). */
    @POST
    @Path("/{id}/retry-reversal")
    public Uni<ChargeView> retryReversal(@PathParam("id") UUID id) {
        return janitor.retryReversal(id).flatMap(moved -> {
            if (!moved) {
                return Panache.withSession(() -> Charge.<Charge>findById(id)).map(c -> {
                    if (c == null) {
                        throw ApiException.notFound("charge");
                    }
                    throw ApiException.conflict("NOT_REVERSAL_FAILED", "only a REVERSAL_FAILED charge can be retried; this one is " + c.status);
                });
            }
            return Panache.withTransaction(() -> audit.record(AuditAction.CHARGE_REVERSAL_RETRIED, AuditedResource.CHARGE, id,
                            "reversal asked for again")
                    .flatMap(x -> Charge.<Charge>findById(id)).map(ChargeView::of));
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
