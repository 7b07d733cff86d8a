package com.platepay.enrollment;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/me/vehicles")
@RolesAllowed(Roles.DRIVER)
public class VehicleResource {

    public record AddVehicle(@NotBlank String plate, @NotBlank String colour) {
    }

    public record VehicleView(UUID id, String plate, String colour, Instant createdAt) {
        static VehicleView of(Vehicle v) {
            return new VehicleView(v.id, v.plate, v.colour, v.createdAt);
        }
    }

    private final DriverDirectory drivers;
    private final AuditLog audit;

    public VehicleResource(DriverDirectory drivers, AuditLog audit) {
        this.drivers = drivers;
        this.audit = audit;
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

    @APIResponse(responseCode = "201", description = "the vehicle",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VehicleView.class)))
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
                    Vehicle v = new Vehicle();
                    v.id = UUID.randomUUID();
                    v.driverId = d.id;
                    v.plate = plate.text();
                    v.colour = colour.name();
                    v.createdAt = Instant.now();
                    return v.<Vehicle>persist();
                }))
                .call(v -> audit.record(AuditAction.VEHICLE_ADDED, AuditedResource.VEHICLE, v.id, v.plate + " " + v.colour))
                .map(v -> Response.status(201).entity(VehicleView.of(v)).build());
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
