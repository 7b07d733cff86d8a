package com.platepay.parking;

import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
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
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A lot's monthly passes: a plate (and its colour) parks on the lot's local days validFrom to validTo with nothing
 * to pay, and is on the lanes' offline allow-list on those days. Creating and ending one is audited. Another
 * organisation's lot or pass is 404.
 */
@Path("/api/v1/operator/parking")
@RolesAllowed(Roles.OPERATOR)
public class PassResource {

    public record CreatePass(@NotBlank @Size(max = 32) String plate, @NotNull PlateColour plateColour, @NotNull LocalDate validFrom,
                             @NotNull LocalDate validTo, @Size(max = 100) String holder) {
    }

    private final OperatorDirectory operators;
    private final Passes passes;

    public PassResource(OperatorDirectory operators, Passes passes) {
        this.operators = operators;
        this.passes = passes;
    }

    /** The lot's active passes by default; {@code status=ENDED} for the ended ones. */
    @GET
    @Path("/lots/{siteId}/passes")
    @WithTransaction
    public Uni<List<ParkingViews.PassView>> list(@PathParam("siteId") UUID siteId, @QueryParam("status") PassStatus status) {
        PassStatus wanted = status == null ? PassStatus.ACTIVE : status;
        return operators.current().flatMap(o -> OperatorScope.lot(o, siteId))
                .flatMap(lot -> ParkingPass.<ParkingPass>find("siteId = ?1 and status = ?2 order by validFrom desc, plate", lot.siteId, wanted)
                        .page(0, 500).list())
                .map(ps -> ps.stream().map(ParkingViews.PassView::of).toList());
    }

    @APIResponse(responseCode = "201", description = "the pass",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ParkingViews.PassView.class)))
    @POST
    @Path("/lots/{siteId}/passes")
    @WithTransaction
    public Uni<Response> create(@PathParam("siteId") UUID siteId, @Valid @NotNull CreatePass request) {
        PlateNumber plate;
        try {
            plate = PlateNumber.parse(request.plate());
            plate.checkColour(request.plateColour());
        } catch (InvalidPlateException e) {
            throw ApiException.badRequest("INVALID_PLATE", e.getMessage());
        }
        String holder = request.holder() == null || request.holder().isBlank() ? null : request.holder().strip();
        return operators.current().flatMap(o -> OperatorScope.lot(o, siteId))
                .flatMap(lot -> passes.create(lot, plate, request.plateColour(), request.validFrom(), request.validTo(), holder))
                .map(p -> Response.status(201).entity(ParkingViews.PassView.of(p)).build());
    }

    /** Ends a pass now (it covers nothing from then on); the reason is required and audited. */
    @POST
    @Path("/passes/{id}/end")
    @WithTransaction
    public Uni<ParkingViews.PassView> end(@PathParam("id") UUID id, @Valid @NotNull ParkingResource.Reason request) {
        return operators.current().flatMap(o -> OperatorScope.pass(o, id)).flatMap(p -> passes.end(p, request.reason().strip()))
                .map(ParkingViews.PassView::of);
    }
}
