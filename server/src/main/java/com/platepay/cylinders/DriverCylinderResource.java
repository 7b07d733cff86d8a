package com.platepay.cylinders;

import com.platepay.audit.Actor;
import com.platepay.enrollment.DriverDirectory;
import com.platepay.platform.CurrentUser;
import com.platepay.platform.Roles;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The driver registers the cylinders fitted to their vehicles; each waits for an operator or admin to confirm it. */
@Path("/api/v1/me/cylinders")
@RolesAllowed(Roles.DRIVER)
public class DriverCylinderResource {

    /** From the inspection certificate. medium: CNG, LNG or HCNG; 20 MPa is 20000 kPa; 80 L is 80000 ml. */
    public record RegisterCylinder(@NotNull UUID vehicleId, @NotBlank String tagId, @NotBlank String serial, @NotBlank String medium,
                                   int workingPressureKpa, long waterCapacityMl, @NotNull LocalDate manufacturedOn,
                                   @NotNull LocalDate lastInspectedOn, @NotNull LocalDate nextInspectionDue, int designLifeYears) {
    }

    public record RetireCylinder(@NotBlank String reason) {
    }

    private final DriverDirectory drivers;
    private final CylinderRegistry registry;
    private final CurrentUser user;

    public DriverCylinderResource(DriverDirectory drivers, CylinderRegistry registry, CurrentUser user) {
        this.drivers = drivers;
        this.registry = registry;
        this.user = user;
    }

    @GET
    @WithTransaction
    public Uni<List<CylinderView>> list() {
        return drivers.current().flatMap(d -> registry.ofDriver(d.id)).map(cs -> cs.stream().map(CylinderView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<CylinderView> get(@PathParam("id") UUID id) {
        return drivers.current().flatMap(d -> registry.ofDriver(d.id, id)).map(CylinderView::of);
    }

    @APIResponse(responseCode = "201", description = "the cylinder, PENDING until an operator or admin confirms it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CylinderView.class)))
    @APIResponse(responseCode = "400", description = "INVALID_TAG, INVALID_SERIAL, INVALID_MEDIUM, INVALID_PRESSURE, INVALID_CAPACITY, "
            + "INVALID_DESIGN_LIFE, INVALID_DATES")
    @APIResponse(responseCode = "404", description = "no such vehicle of yours")
    @APIResponse(responseCode = "409", description = "CYLINDER_TAG_IN_USE")
    @POST
    @WithTransaction
    public Uni<Response> register(@Valid @NotNull RegisterCylinder r) {
        return drivers.current().flatMap(d -> registry.register(d.id, new CylinderRegistry.Registration(r.vehicleId(), r.tagId(),
                        r.serial(), r.medium(), r.workingPressureKpa(), r.waterCapacityMl(), r.manufacturedOn(), r.lastInspectedOn(),
                        r.nextInspectionDue(), r.designLifeYears()), Actor.of(user)))
                .map(c -> Response.status(201).entity(CylinderView.of(c)).build());
    }

    @APIResponse(responseCode = "200", description = "retired")
    @APIResponse(responseCode = "409", description = "CYLINDER_RETIRED, CYLINDER_CHANGED")
    @POST
    @Path("/{id}/retire")
    @WithTransaction
    public Uni<CylinderView> retire(@PathParam("id") UUID id, @Valid @NotNull RetireCylinder request) {
        return drivers.current().flatMap(d -> registry.ofDriver(d.id, id))
                .flatMap(c -> registry.retire(c, request.reason().strip(), Actor.of(user))).map(CylinderView::of);
    }
}
