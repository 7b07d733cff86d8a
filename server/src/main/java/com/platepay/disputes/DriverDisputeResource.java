package com.platepay.disputes;

import com.platepay.platform.Roles;
import com.platepay.enrollment.DriverDirectory;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A driver's disputes of their own charges (anyone else's charge or dispute is 404). */
@Path("/api/v1/me/disputes")
@RolesAllowed(Roles.DRIVER)
public class DriverDisputeResource {

    /** {@code reason}: NOT_MY_VEHICLE, WRONG_AMOUNT, DUPLICATE, NOT_RECEIVED or OTHER. */
    public record OpenDispute(@NotNull UUID chargeId, @NotNull Dispute.Reason reason, @Size(max = 1000) String description) {
    }

    private final DriverDirectory drivers;
    private final Disputes disputes;

    public DriverDisputeResource(DriverDirectory drivers, Disputes disputes) {
        this.drivers = drivers;
        this.disputes = disputes;
    }

    @APIResponse(responseCode = "201", description = "the dispute, OPEN, with the evidence as it stands",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisputeViews.DriverDisputeView.class)))
    @APIResponse(responseCode = "409", description = "CHARGE_NOT_DISPUTABLE, DISPUTE_EXISTS or DISPUTE_ALREADY_DECIDED")
    @POST
    public Uni<Response> open(@Valid @NotNull OpenDispute request) {
        return disputes.open(() -> drivers.current().map(d -> d.id), new Disputes.Opening(request.chargeId(), request.reason(), request.description()))
                .map(d -> Response.status(201).entity(DisputeViews.driver(d, disputes)).build());
    }

    @GET
    @WithTransaction
    public Uni<List<DisputeViews.DriverDisputeView>> list() {
        return drivers.current().flatMap(d -> disputes.ofDriver(d.id))
                .map(ds -> ds.stream().map(d -> DisputeViews.driver(d, disputes)).toList());
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<DisputeViews.DriverDisputeView> get(@PathParam("id") UUID id) {
        return drivers.current().flatMap(d -> disputes.ofDriver(d.id, id)).map(d -> DisputeViews.driver(d, disputes));
    }

    @APIResponse(responseCode = "200", description = "withdrawn")
    @APIResponse(responseCode = "409", description = "INVALID_DISPUTE_STATE: already decided or withdrawn")
    @POST
    @Path("/{id}/withdraw")
    @WithTransaction
    public Uni<DisputeViews.DriverDisputeView> withdraw(@PathParam("id") UUID id) {
        return drivers.current().flatMap(d -> disputes.withdraw(d.id, id)).map(d -> DisputeViews.driver(d, disputes));
    }
}
