package com.platepay.cylinders;

import com.platepay.platform.CurrentUser;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Cylinders for operators to review: the queue (PENDING, oldest first, or ?status=), confirm, flag, retire; each audited. */
@Path("/api/v1/operator/cylinders")
@RolesAllowed(Roles.OPERATOR)
public class OperatorCylinderResource {

    private final CylinderReviewEndpoints endpoints;

    public OperatorCylinderResource(CylinderRegistry registry, CurrentUser user) {
        this.endpoints = new CylinderReviewEndpoints(registry, user);
    }

    @GET
    @WithTransaction
    public Uni<List<CylinderView>> list(@QueryParam("status") String status) {
        return endpoints.list(status);
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<CylinderView> get(@PathParam("id") UUID id) {
        return endpoints.get(id);
    }

    @APIResponse(responseCode = "200", description = "ACTIVE: it may be filled while in date")
    @APIResponse(responseCode = "409", description = "CYLINDER_NOT_REVIEWABLE, CYLINDER_CHANGED")
    @POST
    @Path("/{id}/confirm")
    @WithTransaction
    public Uni<CylinderView> confirm(@PathParam("id") UUID id) {
        return endpoints.confirm(id);
    }

    @APIResponse(responseCode = "200", description = "FLAGGED: no fill until it is confirmed again")
    @APIResponse(responseCode = "409", description = "CYLINDER_NOT_FLAGGABLE, CYLINDER_CHANGED")
    @POST
    @Path("/{id}/flag")
    @WithTransaction
    public Uni<CylinderView> flag(@PathParam("id") UUID id, @Valid @NotNull CylinderReason reason) {
        return endpoints.flag(id, reason);
    }

    @APIResponse(responseCode = "200", description = "RETIRED")
    @APIResponse(responseCode = "409", description = "CYLINDER_RETIRED, CYLINDER_CHANGED")
    @POST
    @Path("/{id}/retire")
    @WithTransaction
    public Uni<CylinderView> retire(@PathParam("id") UUID id, @Valid @NotNull CylinderReason reason) {
        return endpoints.retire(id, reason);
    }
}
