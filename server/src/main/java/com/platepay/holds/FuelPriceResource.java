package com.platepay.holds;

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
 * A CNG station's unit price (fen per m3) and how long a hold waits for its charge. With a price, a passed
 * cylinder-check places a hold sized to the cylinder; without one, none. Another operator's site is "not found".
 */
@Path("/api/v1/operator/sites/{id}/fuel-price")
@RolesAllowed(Roles.OPERATOR)
public class FuelPriceResource {

    /** unitPrice in fen per m3 (420 is 4.20 CNY); holdSeconds 1 to 86400 (default 1800). */
    public record FuelPrice(@NotNull @Min(1) @Max(1_000_000) Long unitPrice, @Min(1) @Max(86_400) Integer holdSeconds) {
    }

    private final OperatorDirectory operators;
    private final AuditLog audit;

    public FuelPriceResource(OperatorDirectory operators, AuditLog audit) {
        this.operators = operators;
        this.audit = audit;
    }

    @GET
    @WithTransaction
    public Uni<FuelPrice> get(@PathParam("id") UUID siteId) {
        return ownGasSite(siteId).flatMap(s -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "select unit_price, hold_seconds from sites where id = ?1", Object[].class).setParameter(1, siteId)
                        .getSingleResult()))
                .map(r -> new FuelPrice(r[0] == null ? null : ((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
    }

    @APIResponse(responseCode = "200", description = "the site's price and hold limit")
    @APIResponse(responseCode = "400", description = "NOT_A_GAS_SITE, VALIDATION_FAILED")
    @PUT
    @WithTransaction
    public Uni<FuelPrice> set(@PathParam("id") UUID siteId, @Valid @NotNull FuelPrice price) {
        int seconds = price.holdSeconds() == null ? 1800 : price.holdSeconds();
        return ownGasSite(siteId)
                .flatMap(s -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "update sites set unit_price = ?1, hold_seconds = ?2 where id = ?3")
                        .setParameter(1, price.unitPrice()).setParameter(2, seconds).setParameter(3, siteId).executeUpdate()))
                .call(x -> audit.record(AuditAction.SITE_FUEL_PRICE_SET, AuditedResource.SITE, siteId,
                        price.unitPrice() + " fen per m3, holds " + seconds + " s"))
                .map(x -> new FuelPrice(price.unitPrice(), seconds));
    }

    private Uni<Site> ownGasSite(UUID siteId) {
        return operators.current().flatMap(o -> Site.<Site>find("id = ?1 and operatorId = ?2", siteId, o.id).<Site>firstResult()).map(s -> {
            if (s == null) {
                throw ApiException.notFound("site");
            }
            if (s.category != SiteCategory.GAS) {
                throw ApiException.badRequest("NOT_A_GAS_SITE", "only a GAS site sells fuel");
            }
            return s;
        });
    }
}
