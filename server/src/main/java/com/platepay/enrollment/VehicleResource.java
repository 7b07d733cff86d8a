package com.platepay.enrollment;

import com.platepay.audit.Actor;
import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.CurrentUser;
import com.platepay.platform.Roles;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/me/vehicles")
@RolesAllowed(Roles.DRIVER)
public class VehicleResource {

    public record AddVehicle(@NotBlank String plate, @NotBlank String colour) {
    }

    /** {@code verification}: UNVERIFIED (no proof yet), PENDING (waiting for review), APPROVED, REJECTED (see the reason). */
    public record VehicleView(UUID id, String plate, String colour, Instant createdAt, String verification, Instant verifiedAt,
                              String rejectionReason) {
        static VehicleView of(Vehicle v) {
            return new VehicleView(v.id, v.plate, v.colour, v.createdAt, v.verification.name(), v.verifiedAt, v.rejectionReason);
        }
    }

    private final DriverDirectory drivers;
    private final AuditLog audit;
    private final VehicleProofs proofs;
    private final CurrentUser user;

    public VehicleResource(DriverDirectory drivers, AuditLog audit, VehicleProofs proofs, CurrentUser user) {
        this.drivers = drivers;
        this.audit = audit;
        this.proofs = proofs;
        this.user = user;
    }

    @GET
    @WithTransaction
    public Uni<List<VehicleView>> list() {
        return drivers.current().flatMap(d -> Vehicle.<Vehicle>list("driverId = ?1 order by createdAt", d.id))
                .map(vs -> vs.stream().map(VehicleView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<VehicleView> get(@PathParam("id") UUID id) {
        return drivers.current().flatMap(d -> owned(d, id)).map(VehicleView::of);
    }

    @APIResponse(responseCode = "201", description = "the vehicle (UNVERIFIED until its proof is uploaded and approved)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VehicleView.class)))
    @APIResponse(responseCode = "409", description = "VEHICLE_EXISTS, or PLATE_ALREADY_VERIFIED: another account holds an approved claim")
    @POST
    @WithTransaction
    public Uni<Response> add(@Valid @NotNull AddVehicle request) {
        PlateNumber plate = PlateNumber.parse(request.plate());
        PlateColour colour = PlateColour.parse(request.colour());
        plate.checkColour(colour);
        return drivers.current().flatMap(d -> Vehicle.count("driverId = ?1 and plate = ?2 and colour = ?3", d.id, plate.text(), colour.name())
                .flatMap(existing -> {
                    if (existing > 0) {
                        throw ApiException.conflict("VEHICLE_EXISTS", "this vehicle is already registered");
                    }
                    // Whose claim it is stays unsaid: a plate must not tell a stranger who drives it.
                    return Vehicle.count("plate = ?1 and colour = ?2 and verification = ?3", plate.text(), colour.name(),
                            Vehicle.Verification.APPROVED);
                })
                .flatMap(approvedElsewhere -> {
                    if (approvedElsewhere > 0) {
                        throw ApiException.conflict("PLATE_ALREADY_VERIFIED", "this plate is already verified for another account;"
                                + " if the vehicle is yours, contact support with its licence");
                    }
                    Vehicle v = new Vehicle();
                    v.id = UUID.randomUUID();
                    v.driverId = d.id;
                    v.plate = plate.text();
                    v.colour = colour.name();
                    v.createdAt = Instant.now();
                    v.verification = Vehicle.Verification.UNVERIFIED;
                    return v.<Vehicle>persist();
                }))
                .call(v -> audit.record(AuditAction.VEHICLE_ADDED, AuditedResource.VEHICLE, v.id, v.plate + " " + v.colour))
                .map(v -> Response.status(201).entity(VehicleView.of(v)).build());
    }

    /**
     * The photo of the vehicle licence (行驶证), as the raw body: JPEG, PNG or WebP by its content (the Content-Type
     * header is not trusted), at most platepay.proofs.max-bytes. A new upload replaces one still waiting for review.
     */
    @RequestBody(required = true, content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "the vehicle, now PENDING review",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VehicleView.class)))
    @APIResponse(responseCode = "409", description = "VEHICLE_ALREADY_VERIFIED")
    @APIResponse(responseCode = "413", description = "PROOF_TOO_LARGE")
    @APIResponse(responseCode = "415", description = "PROOF_TYPE_NOT_ALLOWED")
    @PUT
    @Path("/{id}/proof")
    @Consumes("*/*")
    public Uni<VehicleView> uploadProof(@PathParam("id") UUID id, byte[] body) {
        ProofImage image = proofs.check(body);
        return proofs.submit(drivers::current, id, image, Actor.of(user)).map(VehicleView::of);
    }

    /** The current proof's image, for its driver only. */
    @APIResponse(responseCode = "200", description = "the image",
            content = {@Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png"), @Content(mediaType = "image/webp")})
    @GET
    @Path("/{id}/proof")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @WithTransaction
    public Uni<Response> proof(@PathParam("id") UUID id) {
        return drivers.current().flatMap(d -> proofs.currentImage(d, id)).map(ProofResponses::image);
    }

    static Uni<Vehicle> owned(Driver driver, UUID id) {
        // Someone else's vehicle is "not found": never reveal that it exists.
        return Vehicle.<Vehicle>find("id = ?1 and driverId = ?2", id, driver.id).firstResult()
                .map(v -> {
                    if (v == null) {
                        throw ApiException.notFound("vehicle");
                    }
                    return v;
                });
    }
}
