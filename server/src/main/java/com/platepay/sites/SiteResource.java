package com.platepay.sites;

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

    public SiteResource(OperatorDirectory operators) {
        this.operators = operators;
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
        }).map(s -> Response.status(201).entity(SiteView.of(s)).build());
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
