package com.platepay.disputes;

import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.sites.OperatorDirectory;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Disputes of charges at the calling operator's sites, for the operator console (#14): the list, one dispute with
 * its evidence, taking it up, and the decision. Another organisation's dispute is 404.
 */
@Path("/api/v1/operator/disputes")
@RolesAllowed(Roles.OPERATOR)
public class OperatorDisputeResource {

    /** {@code outcome}: UPHELD (the driver is right) or REJECTED; the note is shown to the driver. */
    public record ResolveDispute(@NotNull DisputeStatus outcome, @NotBlank @Size(max = 1000) String note) {
    }

    private final OperatorDirectory operators;
    private final Disputes disputes;

    public OperatorDisputeResource(OperatorDirectory operators, Disputes disputes) {
        this.operators = operators;
        this.disputes = disputes;
    }

    @GET
    @WithTransaction
    public Uni<List<DisputeViews.OperatorDisputeView>> list(@QueryParam("status") String status) {
        DisputeStatus parsed = parse(status);
        return operators.current().flatMap(op -> disputes.ofOperator(op.id, parsed))
                .map(ds -> ds.stream().map(d -> DisputeViews.operator(d, disputes)).toList());
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<DisputeViews.OperatorDisputeView> get(@PathParam("id") UUID id) {
        return operators.current().flatMap(op -> disputes.operators(op.id, id)).map(d -> DisputeViews.operator(d, disputes));
    }

    @APIResponse(responseCode = "200", description = "UNDER_REVIEW")
    @APIResponse(responseCode = "409", description = "INVALID_DISPUTE_STATE")
    @POST
    @Path("/{id}/review")
    @WithTransaction
    public Uni<DisputeViews.OperatorDisputeView> review(@PathParam("id") UUID id) {
        return operators.current().flatMap(op -> disputes.startReview(op.id, id)).map(d -> DisputeViews.operator(d, disputes));
    }

    @APIResponse(responseCode = "200", description = "UPHELD or REJECTED")
    @APIResponse(responseCode = "409", description = "INVALID_DISPUTE_STATE")
    @POST
    @Path("/{id}/resolve")
    @WithTransaction
    public Uni<DisputeViews.OperatorDisputeView> resolve(@PathParam("id") UUID id, @Valid @NotNull ResolveDispute request) {
        return operators.current().flatMap(op -> disputes.resolve(op.id, id, request.outcome(), request.note().strip()))
                .map(d -> DisputeViews.operator(d, disputes));
    }

    private static DisputeStatus parse(String status) {
        if (status == null) {
            return null;
        }
        try {
            return DisputeStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_STATUS", "status is one of " + List.of(DisputeStatus.values()));
        }
    }
}
