package com.platepay.settlement;

import com.platepay.audit.Actor;
import com.platepay.platform.ApiException;
import com.platepay.platform.CurrentUser;
import com.platepay.platform.Roles;
import com.platepay.sites.OperatorDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Daily settlement over REST: the report (JSON or CSV) and closing the day; operators for their sites, admins for any. */
public final class SettlementResources {

    private SettlementResources() {
    }

    public record CloseDay(@NotNull UUID siteId, @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String date) {
    }

    static LocalDate day(String date) {
        if (date == null) {
            throw ApiException.badRequest("INVALID_DATE", "date is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("INVALID_DATE", "date is YYYY-MM-DD");
        }
    }

    static UUID site(UUID siteId) {
        if (siteId == null) {
            throw ApiException.badRequest("INVALID_SITE", "siteId is required");
        }
        return siteId;
    }

    static Response csv(SettlementReport r) {
        return Response.ok(SettlementCsv.of(r), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"settlement-" + r.siteId() + "-" + r.businessDay() + ".csv\"")
                .build();
    }

    @Path("/api/v1/operator/settlement")
    @RolesAllowed(Roles.OPERATOR)
    public static class Operator {
        private final Settlements settlements;
        private final OperatorDirectory operators;
        private final CurrentUser user;

        public Operator(Settlements settlements, OperatorDirectory operators, CurrentUser user) {
            this.settlements = settlements;
            this.operators = operators;
            this.user = user;
        }

        private Uni<UUID> organisation() {
            return Panache.withTransaction(operators::current).map(o -> o.id);
        }

        @APIResponse(responseCode = "200", description = "the day reconciled against the bank's settlement file")
        @APIResponse(responseCode = "404", description = "not a site of the operator's")
        @GET
        public Uni<SettlementReport> report(@QueryParam("siteId") UUID siteId, @QueryParam("date") String date) {
            LocalDate day = day(date);
            UUID site = site(siteId);
            return organisation().flatMap(org -> settlements.report(org, site, day));
        }

        @APIResponse(responseCode = "200", description = "the report as CSV")
        @APIResponse(responseCode = "404", description = "not a site of the operator's")
        @GET
        @Path("/csv")
        @Produces("text/csv")
        public Uni<Response> csv(@QueryParam("siteId") UUID siteId, @QueryParam("date") String date) {
            LocalDate day = day(date);
            UUID site = site(siteId);
            return organisation().flatMap(org -> settlements.report(org, site, day)).map(SettlementResources::csv);
        }

        @APIResponse(responseCode = "200", description = "CLOSED")
        @APIResponse(responseCode = "404", description = "not a site of the operator's")
        @APIResponse(responseCode = "409", description = "DAY_NOT_OVER, DAY_NOT_RECONCILED or DAY_ALREADY_CLOSED")
        @POST
        @Path("/close")
        public Uni<SettlementReport> close(@Valid @NotNull CloseDay body) {
            Actor actor = Actor.of(user);
            LocalDate day = day(body.date());
            return organisation().flatMap(org -> settlements.close(org, body.siteId(), day, actor));
        }
    }

    @Path("/api/v1/admin/settlement")
    @RolesAllowed(Roles.ADMIN)
    public static class Admin {
        private final Settlements settlements;

        public Admin(Settlements settlements) {
            this.settlements = settlements;
        }

        @APIResponse(responseCode = "200", description = "the day reconciled against the bank's settlement file")
        @APIResponse(responseCode = "404", description = "no such site")
        @GET
        public Uni<SettlementReport> report(@QueryParam("siteId") UUID siteId, @QueryParam("date") String date) {
            return settlements.report(null, site(siteId), day(date));
        }
    }
}
