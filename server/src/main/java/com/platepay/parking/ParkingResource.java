package com.platepay.parking;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.Device;
import com.platepay.sites.Operator;
import com.platepay.sites.OperatorDirectory;
import com.platepay.sites.Site;
import com.platepay.sites.SiteCategory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A lot company's parking: lots (tariff and policies of a PARKING site), lanes, sessions (open ones, the review
 * queue, arrears), resolving or waiving a session, and opening a barrier by hand. Another organisation's lot,
 * lane or session is 404.
 */
@Path("/api/v1/operator/parking")
@RolesAllowed(Roles.OPERATOR)
public class ParkingResource {

    public record CreateLane(@NotNull UUID deviceId, @NotBlank @Size(max = 32) String name, @NotNull PlateRead.Direction direction,
                             @Min(0) @Max(1000) int confidenceThreshold) {
    }

    public record Resolve(@NotBlank @Size(max = 32) String plate, @NotNull PlateColour plateColour) {
    }

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    private final OperatorDirectory operators;
    private final ParkingOperations operations;
    private final AuditLog audit;

    public ParkingResource(OperatorDirectory operators, ParkingOperations operations, AuditLog audit) {
        this.operators = operators;
        this.operations = operations;
        this.audit = audit;
    }

    @GET
    @Path("/lots")
    @WithTransaction
    public Uni<List<ParkingViews.LotView>> lots() {
        return operators.current().flatMap(o -> ParkingLot.<ParkingLot>list(
                        "siteId in (select s.id from Site s where s.operatorId = ?1) order by siteId", o.id))
                .map(ls -> ls.stream().map(ParkingViews.LotView::of).toList());
    }

    @GET
    @Path("/lots/{siteId}")
    @WithTransaction
    public Uni<ParkingViews.LotView> lot(@PathParam("siteId") UUID siteId) {
        return operators.current().flatMap(o -> OperatorScope.lot(o, siteId)).map(ParkingViews.LotView::of);
    }

    /** Makes a PARKING site a lot, or changes its tariff and policies (applies to exits from now on). */
    @PUT
    @Path("/lots/{siteId}")
    @WithTransaction
    public Uni<ParkingViews.LotView> saveLot(@PathParam("siteId") UUID siteId, @Valid @NotNull LotSettings settings) {
        try {
            ZoneId.of(settings.timeZone());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("INVALID_TIME_ZONE", "not a time zone id: " + settings.timeZone());
        }
        return operators.current().flatMap(o -> OperatorScope.site(o, siteId)).flatMap(site -> ParkingLot.<ParkingLot>findById(siteId).flatMap(found -> {
            ParkingLot lot = found != null ? found : new ParkingLot();
            lot.siteId = site.id;
            lot.currency = site.currency;
            settings.applyTo(lot);
            try {
                lot.tariff();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_TARIFF", e.getMessage());
            }
            return lot.<ParkingLot>persist();
        })).call(lot -> audit.record(AuditAction.PARKING_LOT_SAVED, AuditedResource.PARKING_LOT, lot.siteId, settings.toString()))
                .map(ParkingViews.LotView::of);
    }

    @GET
    @Path("/lots/{siteId}/lanes")
    @WithTransaction
    public Uni<List<ParkingViews.LaneView>> lanes(@PathParam("siteId") UUID siteId) {
        return operators.current().flatMap(o -> OperatorScope.lot(o, siteId))
                .flatMap(lot -> ParkingLane.<ParkingLane>list("siteId = ?1 order by name", lot.siteId))
                .map(ls -> ls.stream().map(ParkingViews.LaneView::of).toList());
    }

    @APIResponse(responseCode = "201", description = "the lane",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ParkingViews.LaneView.class)))
    @POST
    @Path("/lots/{siteId}/lanes")
    @WithTransaction
    public Uni<Response> addLane(@PathParam("siteId") UUID siteId, @Valid @NotNull CreateLane request) {
        return operators.current().flatMap(o -> OperatorScope.lot(o, siteId)).flatMap(lot -> Device.<Device>find("id = ?1 and siteId = ?2",
                request.deviceId(), lot.siteId).firstResult().flatMap(device -> {
            if (device == null || device.type != Device.Type.CAMERA) {
                throw ApiException.badRequest("NOT_A_CAMERA", "a lane is a CAMERA device of this lot");
            }
            ParkingLane lane = new ParkingLane();
            lane.deviceId = device.id;
            lane.siteId = lot.siteId;
            lane.name = request.name().strip();
            lane.direction = request.direction();
            lane.confidenceThreshold = request.confidenceThreshold();
            return lane.<ParkingLane>persist();
        })).call(lane -> audit.record(AuditAction.PARKING_LANE_ADDED, AuditedResource.PARKING_LANE, lane.deviceId,
                        lane.direction + " " + lane.name + " threshold " + lane.confidenceThreshold))
                .map(lane -> Response.status(201).entity(ParkingViews.LaneView.of(lane)).build());
    }

    /** Open sessions by default; {@code status=REVIEW} is the review queue, {@code status=ARREARS} the arrears. */
    @GET
    @Path("/lots/{siteId}/sessions")
    @WithTransaction
    public Uni<List<ParkingViews.SessionView>> sessions(@PathParam("siteId") UUID siteId, @QueryParam("status") SessionStatus status) {
        SessionStatus wanted = status == null ? SessionStatus.OPEN : status;
        return operators.current().flatMap(o -> OperatorScope.lot(o, siteId))
                .flatMap(lot -> ParkingSession.<ParkingSession>find("siteId = ?1 and status = ?2 order by createdAt desc", lot.siteId, wanted)
                        .page(0, 500).list())
                .map(ss -> ss.stream().map(ParkingViews.SessionView::of).toList());
    }

    @GET
    @Path("/sessions/{id}")
    @WithTransaction
    public Uni<ParkingViews.SessionView> session(@PathParam("id") UUID id) {
        return operators.current().flatMap(o -> OperatorScope.session(o, id)).map(ParkingViews.SessionView::of);
    }

    /** A person read the plate: the session takes it and is debited as an exact read would be. */
    @POST
    @Path("/sessions/{id}/resolve")
    public Uni<ParkingViews.SessionView> resolve(@PathParam("id") UUID id, @Valid @NotNull Resolve request) {
        PlateNumber plate;
        try {
            plate = PlateNumber.parse(request.plate());
            plate.checkColour(request.plateColour());
        } catch (InvalidPlateException e) {
            throw ApiException.badRequest("INVALID_PLATE", e.getMessage());
        }
        return Panache.withTransaction(() -> operators.current().flatMap(o -> OperatorScope.session(o, id).map(s -> new Owned(o.id, s))))
                .flatMap(owned -> operations.resolve(owned.operatorId(), owned.session(), plate, request.plateColour()))
                .map(ParkingViews.SessionView::of);
    }

    @POST
    @Path("/sessions/{id}/waive")
    @WithTransaction
    public Uni<ParkingViews.SessionView> waive(@PathParam("id") UUID id, @Valid @NotNull Reason request) {
        return operators.current().flatMap(o -> OperatorScope.session(o, id)).flatMap(s -> operations.waive(s, request.reason().strip()))
                .map(ParkingViews.SessionView::of);
    }

    /** Opens a lane's barrier by hand: needs a reason, and is audited before the command goes out. */
    @APIResponse(responseCode = "202", description = "the command was sent")
    @POST
    @Path("/lanes/{deviceId}/open")
    public Uni<Response> open(@PathParam("deviceId") UUID deviceId, @Valid @NotNull Reason request) {
        return Panache.withTransaction(() -> operators.current().flatMap(o -> OperatorScope.lane(o, deviceId))
                        .call(lane -> operations.recordManualOpen(lane, request.reason().strip())))
                .call(operations::sendManualOpen)
                .map(lane -> Response.accepted().build());
    }

    private record Owned(UUID operatorId, ParkingSession session) {
    }
}
