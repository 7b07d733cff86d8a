package com.platepay.refunds;

import com.platepay.audit.Actor;
import com.platepay.platform.ApiException;
import com.platepay.platform.CurrentUser;
import com.platepay.platform.Roles;
import com.platepay.sites.OperatorDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The REST side of refunds: operators for charges at their own sites (another organisation's is 404), admins for any. */
public final class RefundResources {

    private RefundResources() {
    }

    /** A refund to make: {@code amount} in minor units of the charge's currency, at most what is left of the charge. */
    public record NewRefund(@NotNull UUID chargeId, @NotNull @Positive Long amount, @NotBlank @Size(max = 500) String reason) {
    }

    public record RefundView(UUID id, UUID chargeId, UUID siteId, long amount, String currency, String reason, String status,
                             String failureCode, String bankReference, int attempts, String requestedBy, Instant createdAt,
                             Instant updatedAt) {
        static RefundView of(Refund r) {
            return new RefundView(r.id(), r.chargeId(), r.siteId(), r.amount(), r.currency(), r.reason(), r.status().name(),
                    r.failureCode(), r.bankReference(), r.attempts(), r.requestedBy(), r.createdAt(), r.updatedAt());
        }
    }

    static RefundStatus parse(String status) {
        if (status == null) {
            return null;
        }
        try {
            return RefundStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_STATUS", "status is one of " + List.of(RefundStatus.values()));
        }
    }

    @Path("/api/v1/operator/refunds")
    @RolesAllowed(Roles.OPERATOR)
    public static class Operator {
        private final Refunds refunds;
        private final RefundStore store;
        private final OperatorDirectory operators;
        private final CurrentUser user;

        public Operator(Refunds refunds, RefundStore store, OperatorDirectory operators, CurrentUser user) {
            this.refunds = refunds;
            this.store = store;
            this.operators = operators;
            this.user = user;
        }

        private Uni<UUID> organisation() {
            return Panache.withTransaction(operators::current).map(o -> o.id);
        }

        @APIResponse(responseCode = "201", description = "SUCCEEDED, FAILED (failureCode says why) or UNKNOWN (retry it)")
        @APIResponse(responseCode = "404", description = "no such charge at the operator's sites")
        @APIResponse(responseCode = "409", description = "CHARGE_NOT_REFUNDABLE or REFUND_EXCEEDS_CHARGE")
        @POST
        public Uni<Response> create(@Valid @NotNull NewRefund body) {
            Actor actor = Actor.of(user);
            return organisation().flatMap(org -> refunds.refund(org, body.chargeId(), body.amount(), body.reason().strip(), actor))
                    .map(r -> Response.status(201).entity(RefundView.of(r)).build());
        }

        @GET
        public Uni<List<RefundView>> list(@QueryParam("chargeId") UUID chargeId, @QueryParam("siteId") UUID siteId,
                                          @QueryParam("status") String status) {
            RefundStatus parsed = parse(status);
            return organisation().flatMap(org -> store.list(org, chargeId, siteId, parsed, 200))
                    .map(rs -> rs.stream().map(RefundView::of).toList());
        }

        @GET
        @Path("/{id}")
        public Uni<RefundView> get(@PathParam("id") UUID id) {
            return organisation().flatMap(org -> store.find(org, id))
                    .map(r -> RefundView.of(r.orElseThrow(() -> ApiException.notFound("refund"))));
        }

        @APIResponse(responseCode = "200", description = "sent again under the same key")
        @APIResponse(responseCode = "409", description = "REFUND_NOT_RETRYABLE")
        @POST
        @Path("/{id}/retry")
        public Uni<RefundView> retry(@PathParam("id") UUID id) {
            Actor actor = Actor.of(user);
            return organisation().flatMap(org -> refunds.retry(org, id, actor)).map(RefundView::of);
        }
    }

    @Path("/api/v1/admin/refunds")
    @RolesAllowed(Roles.ADMIN)
    public static class Admin {
        private final Refunds refunds;
        private final RefundStore store;
        private final CurrentUser user;

        public Admin(Refunds refunds, RefundStore store, CurrentUser user) {
            this.refunds = refunds;
            this.store = store;
            this.user = user;
        }

        @APIResponse(responseCode = "201", description = "SUCCEEDED, FAILED (failureCode says why) or UNKNOWN (retry it)")
        @APIResponse(responseCode = "404", description = "no such charge")
        @APIResponse(responseCode = "409", description = "CHARGE_NOT_REFUNDABLE or REFUND_EXCEEDS_CHARGE")
        @POST
        public Uni<Response> create(@Valid @NotNull NewRefund body) {
            return refunds.refund(null, body.chargeId(), body.amount(), body.reason().strip(), Actor.of(user))
                    .map(r -> Response.status(201).entity(RefundView.of(r)).build());
        }

        @GET
        public Uni<List<RefundView>> list(@QueryParam("chargeId") UUID chargeId, @QueryParam("status") String status) {
            return store.list(null, chargeId, null, parse(status), 200).map(rs -> rs.stream().map(RefundView::of).toList());
        }

        @APIResponse(responseCode = "200", description = "sent again under the same key")
        @APIResponse(responseCode = "409", description = "REFUND_NOT_RETRYABLE")
        @POST
        @Path("/{id}/retry")
        public Uni<RefundView> retry(@PathParam("id") UUID id) {
            return refunds.retry(null, id, Actor.of(user)).map(RefundView::of);
        }
    }
}
