package com.platepay.enrollment;

import com.platepay.audit.Actor;
import com.platepay.platform.ApiException;
import com.platepay.platform.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * What the operator and the admin review endpoints share (the guard over the API gives each path prefix one role,
 * so each role has its own resource class). Each call runs in the caller's transaction.
 */
final class ProofReviewEndpoints {

    private final ProofReview review;
    private final CurrentUser user;

    ProofReviewEndpoints(ProofReview review, CurrentUser user) {
        this.review = review;
        this.user = user;
    }

    Uni<List<ProofReview.ProofForReview>> list(String status) {
        ProofReview.Status parsed;
        try {
            parsed = status == null ? ProofReview.Status.PENDING : ProofReview.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_STATUS", "status is one of " + List.of(ProofReview.Status.values()));
        }
        return review.list(parsed, Actor.of(user));
    }

    Uni<ProofReview.ProofForReview> get(UUID id) {
        return review.get(id, Actor.of(user));
    }

    Uni<Response> image(UUID id) {
        return review.image(id, Actor.of(user)).map(ProofResponses::image);
    }

    Uni<ProofReview.ProofForReview> approve(UUID id) {
        return review.approve(id, Actor.of(user));
    }

    Uni<ProofReview.ProofForReview> reject(UUID id, RejectProof request) {
        return review.reject(id, request.reason().strip(), Actor.of(user));
    }
}
