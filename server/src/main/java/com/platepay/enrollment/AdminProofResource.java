package com.platepay.enrollment;

import com.platepay.platform.CurrentUser;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Vehicle proofs for admins to review: the queue (PENDING, oldest first), one proof, its image (audited), approve,
 * reject with a reason the driver is shown. Admins see every proof.
 */
@Path("/api/v1/admin/vehicle-proofs")
@RolesAllowed(Roles.ADMIN)
public class AdminProofResource {

    private final ProofReviewEndpoints endpoints;

    public AdminProofResource(ProofReview review, CurrentUser user) {
        this.endpoints = new ProofReviewEndpoints(review, user);
    }

    @GET
    @WithTransaction
    public Uni<List<ProofReview.ProofForReview>> list(@QueryParam("status") String status) {
        return endpoints.list(status);
    }

    @GET
    @Path("/{id}")
    @WithTransaction
    public Uni<ProofReview.ProofForReview> get(@PathParam("id") UUID id) {
        return endpoints.get(id);
    }

    @APIResponse(responseCode = "200", description = "the image",
            content = {@Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png"), @Content(mediaType = "image/webp")})
    @GET
    @Path("/{id}/image")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @WithTransaction
    public Uni<Response> image(@PathParam("id") UUID id) {
        return endpoints.image(id);
    }

    @APIResponse(responseCode = "200", description = "approved")
    @APIResponse(responseCode = "409", description = "PROOF_NOT_PENDING, or PLATE_ALREADY_VERIFIED for another account")
    @POST
    @Path("/{id}/approve")
    @WithTransaction
    public Uni<ProofReview.ProofForReview> approve(@PathParam("id") UUID id) {
        return endpoints.approve(id);
    }

    @APIResponse(responseCode = "200", description = "rejected")
    @APIResponse(responseCode = "409", description = "PROOF_NOT_PENDING")
    @POST
    @Path("/{id}/reject")
    @WithTransaction
    public Uni<ProofReview.ProofForReview> reject(@PathParam("id") UUID id, @Valid @NotNull RejectProof request) {
        return endpoints.reject(id, request);
    }
}
