package com.platepay.cylinders;

import com.platepay.audit.Actor;
import com.platepay.platform.ApiException;
import com.platepay.platform.CurrentUser;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * What the operator and the admin cylinder endpoints share (the guard over the API gives each path prefix one role,
 * so each role has its own resource class). Each call runs in the caller's transaction.
 */
final class CylinderReviewEndpoints {

    private final CylinderRegistry registry;
    private final CurrentUser user;

    CylinderReviewEndpoints(CylinderRegistry registry, CurrentUser user) {
        this.registry = registry;
        this.user = user;
    }

    Uni<List<CylinderView>> list(String status) {
        CylinderStatus parsed;
        try {
            parsed = status == null ? CylinderStatus.PENDING : CylinderStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_STATUS", "status is one of " + List.of(CylinderStatus.values()));
        }
        return registry.withStatus(parsed).map(cs -> cs.stream().map(CylinderView::of).toList());
    }

    Uni<CylinderView> get(UUID id) {
        return registry.get(id).map(CylinderView::of);
    }

    Uni<CylinderView> confirm(UUID id) {
        return registry.confirm(id, Actor.of(user)).map(CylinderView::of);
    }

    Uni<CylinderView> flag(UUID id, CylinderReason reason) {
        return registry.flag(id, reason.reason().strip(), Actor.of(user)).map(CylinderView::of);
    }

    Uni<CylinderView> retire(UUID id, CylinderReason reason) {
        return registry.get(id).flatMap(c -> registry.retire(c, reason.reason().strip(), Actor.of(user))).map(CylinderView::of);
    }
}
