package com.platepay.enrollment;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.PlatePayConfig;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/me/mandates")
@RolesAllowed(Roles.DRIVER)
public class MandateResource {

    /** {@code language} ("en" or "zh") is the language of the consent text the driver read (from /preview). */
    public record CreateMandate(@NotNull UUID vehicleId, @NotNull UUID cardId, @Positive long perChargeCap,
                                @Positive long dailyCap, @NotEmpty Set<String> categories,
                                @AssertTrue(message = "the driver must consent") boolean consent,
                                @Pattern(regexp = "en|zh") String language) {
    }

    /** The terms to show the driver before asking for consent. */
    public record MandateTerms(@NotNull UUID vehicleId, @NotNull UUID cardId, @Positive long perChargeCap,
                               @Positive long dailyCap, @NotEmpty Set<String> categories,
                               @Pattern(regexp = "en|zh") String language) {
    }

    public record ConsentPreview(String consentText, String plate, String colour, String cardLast4, String bankName) {
    }

    /** The password-free band caps must stay inside (fen). */
    public record MandateLimits(long maxPerChargeCap, long maxDailyCap, String currency) {
    }

    public record MandateView(UUID id, UUID vehicleId, UUID cardId, String plate, String colour, List<String> categories,
                              long perChargeCap, long dailyCap, String currency, String status, String consentText,
                              Instant consentedAt, Instant createdAt, Instant updatedAt, Instant revokedAt) {
        static MandateView of(Mandate m) {
            List<String> categories = new ArrayList<>();
            if (m.allowGas) {
                categories.add("GAS");
            }
            if (m.allowParking) {
                categories.add("PARKING");
            }
            return new MandateView(m.id, m.vehicleId, m.cardId, m.plate, m.colour, categories, m.perChargeCap, m.dailyCap,
                    m.currency, m.status.name(), m.consentText, m.consentedAt, m.createdAt, m.updatedAt, m.revokedAt);
        }
    }

    private final DriverDirectory drivers;
    private final MandateService mandates;
    private final AuditLog audit;
    private final PlatePayConfig config;

    public MandateResource(DriverDirectory drivers, MandateService mandates, AuditLog audit, PlatePayConfig config) {
        this.drivers = drivers;
        this.mandates = mandates;
        this.audit = audit;
        this.config = config;
    }

    @GET
    @Path("/limits")
    public MandateLimits limits() {
        return new MandateLimits(config.limits().maxPerChargeCap(), config.limits().maxDailyCap(), MandateService.CURRENCY);
    }

    /** The exact consent text a mandate with these terms would be created with; nothing is stored. */
    @POST
    @Path("/preview")
    @WithTransaction
    public Uni<ConsentPreview> preview(@Valid @NotNull MandateTerms request) {
        return drivers.current()
                .flatMap(d -> mandates.terms(d, new MandateService.NewMandate(request.vehicleId(), request.cardId(),
                        request.perChargeCap(), request.dailyCap(), request.categories(), request.language())))
                .map(t -> new ConsentPreview(t.consentText(), t.vehicle().plate, t.vehicle().colour, t.card().last4, t.card().bankName));
    }

    @GET
    @WithTransaction
    public Uni<List<MandateView>> list() {
        return drivers.current().flatMap(d -> Mandate.<Mandate>list("driverId = ?1 order by createdAt", d.id))
                .map(ms -> ms.stream().map(MandateView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<MandateView> get(@PathParam("id") UUID id) {
        return drivers.current().flatMap(d -> owned(d, id)).map(MandateView::of);
    }

    @APIResponse(responseCode = "201", description = "the mandate",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MandateView.class)))
    @POST
    @WithTransaction
    public Uni<Response> create(@Valid @NotNull CreateMandate request) {
        return drivers.current()
                .flatMap(d -> mandates.create(d, new MandateService.NewMandate(request.vehicleId(), request.cardId(),
                        request.perChargeCap(), request.dailyCap(), request.categories(), request.language())))
                .call(m -> audit.record(AuditAction.MANDATE_CREATED, AuditedResource.MANDATE, m.id,
                        m.plate + ": caps " + m.perChargeCap + "/" + m.dailyCap + " " + m.currency + " per charge/day"))
                .map(m -> Response.status(201).entity(MandateView.of(m)).build());
    }

    @POST
    @Path("/{id}/pause")
    @WithTransaction
    public Uni<MandateView> pause(@PathParam("id") UUID id) {
        return move(id, Mandate.Status.PAUSED, AuditAction.MANDATE_PAUSED);
    }

    @POST
    @Path("/{id}/resume")
    @WithTransaction
    public Uni<MandateView> resume(@PathParam("id") UUID id) {
        return move(id, Mandate.Status.ACTIVE, AuditAction.MANDATE_RESUMED);
    }

    @POST
    @Path("/{id}/revoke")
    @WithTransaction
    public Uni<MandateView> revoke(@PathParam("id") UUID id) {
        return move(id, Mandate.Status.REVOKED, AuditAction.MANDATE_REVOKED);
    }

    private Uni<MandateView> move(UUID id, Mandate.Status target, AuditAction action) {
        return drivers.current().flatMap(d -> owned(d, id)).flatMap(m -> mandates.transition(m, target))
                .call(m -> audit.record(action, AuditedResource.MANDATE, m.id, m.plate))
                .map(MandateView::of);
    }

    private static Uni<Mandate> owned(Driver driver, UUID id) {
        return Mandate.<Mandate>find("id = ?1 and driverId = ?2", id, driver.id).firstResult().map(m -> {
            if (m == null) {
                throw ApiException.notFound("mandate");
            }
            return m;
        });
    }
}
