package com.platepay.offline;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
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
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A CNG station's offline floor: the most one plate's offline vouchers may add up to per day on one handheld (fen;
 * default 30000, 300.00 CNY), lowered per plate to the mandate's daily cap. The handhelds get it with their next
 * allow-list. Another operator's site is "not found".
 */
@Path("/api/v1/operator/sites/{id}/offline-floor")
@RolesAllowed(Roles.OPERATOR)
public class OfflineFloorResource {

    /** dailyFloor in minor units, 1 to 10,000,000,000. */
    public record OfflineFloor(@NotNull @Min(1) @Max(10_000_000_000L) Long dailyFloor) {
    }

    private final OperatorDirectory operators;
    private final AuditLog audit;

    public OfflineFloorResource(OperatorDirectory operators, AuditLog audit) {
        this.operators = operators;
        this.audit = audit;
    }

    @GET
    @WithTransaction
    public Uni<OfflineFloor> get(@PathParam("id") UUID siteId) {
        return ownGasSite(siteId).flatMap(s -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select offline_daily_floor from sites where id = ?1", Long.class).setParameter(1, siteId).getSingleResult()))
                .map(OfflineFloor::new);
    }

    @APIResponse(responseCode = "200", description = "the site's offline floor")
    @APIResponse(responseCode = "400", description = "NOT_A_GAS_SITE, VALIDATION_FAILED")
    @PUT
    @WithTransaction
    public Uni<OfflineFloor> set(@PathParam("id") UUID siteId, @Valid @NotNull OfflineFloor floor) {
        return ownGasSite(siteId)
                .flatMap(s -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "update sites set offline_daily_floor = ?1 where id = ?2")
                        .setParameter(1, floor.dailyFloor()).setParameter(2, siteId).executeUpdate()))
                .call(x -> audit.record(AuditAction.SITE_OFFLINE_FLOOR_SET, AuditedResource.SITE, siteId,
                        floor.dailyFloor() + " fen per plate per day offline"))
                .map(x -> floor);
    }

    private Uni<Site> ownGasSite(UUID siteId) {
        return operators.current().flatMap(o -> Site.<Site>find("id = ?1 and operatorId = ?2", siteId, o.id).<Site>firstResult()).map(s -> {
            if (s == null) {
                throw ApiException.notFound("site");
            }
            if (s.category != SiteCategory.GAS) {
                throw ApiException.badRequest("NOT_A_GAS_SITE", "only a GAS site has handhelds that fill offline");
            }
            return s;
        });
    }
}
