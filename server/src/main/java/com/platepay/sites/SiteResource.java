package com.platepay.sites;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
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
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/operator/sites")
@RolesAllowed(Roles.OPERATOR)
public class SiteResource {

    public record CreateSite(@NotBlank @Size(max = 200) String name, @NotNull SiteCategory category) {
    }

    public record SiteView(UUID id, String name, SiteCategory category, String currency, Instant createdAt) {
        static SiteView of(Site s) {
            return new SiteView(s.id, s.name, s.category, s.currency, s.createdAt);
        }
    }

    private final OperatorDirectory operators;
    private final AuditLog audit;

    public SiteResource(OperatorDirectory operators, AuditLog audit) {
        this.operators = operators;
        this.audit = audit;
    }

    @GET
    @WithTransaction
    public Uni<List<SiteView>> list() {
        return operators.current().flatMap(o -> Site.<Site>list("operatorId = ?1 order by createdAt", o.id))
                .map(ss -> ss.stream().map(SiteView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<SiteView> get(@PathParam("id") UUID id) {
        return operators.current().flatMap(o -> owned(o, id)).map(SiteView::of);
    }

    @APIResponse(responseCode = "201", description = "the site",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SiteView.class)))
    @POST
    @WithTransaction
    public Uni<Response> create(@Valid @NotNull CreateSite request) {
        return operators.current().flatMap(o -> {
            Site s = new Site();
            s.id = UUID.randomUUID();
            s.operatorId = o.id;
            s.name = request.name().strip();
            s.category = request.category();
            s.currency = "CNY";
            s.createdAt = Instant.now();
            return s.<Site>persist();
        }).call(s -> audit.record(AuditAction.SITE_CREATED, AuditedResource.SITE, s.id, s.category + " " + s.name))
                .map(s -> Response.status(201).entity(SiteView.of(s)).build());
    }

    static Uni<Site> owned(Operator operator, UUID siteId) {
        return Site.<Site>find("id = ?1 and operatorId = ?2", siteId, operator.id).firstResult().map(s -> {
            if (s == null) {
                throw ApiException.notFound("site");
            }
            return s;
        });
    }
}
