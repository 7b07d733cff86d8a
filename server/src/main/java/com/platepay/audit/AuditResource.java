package com.platepay.audit;

import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The audit log, for admins: newest first, filtered by resource or actor, paged with {@code before}. */
@Path("/api/v1/admin/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    public record AuditEventView(long id, Instant at, String actorSubject, String actorName, String actorRole, String action,
                                 String resourceType, UUID resourceId, String detail) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id, e.at, e.actorSubject, e.actorName, e.actorRole, e.action.name(),
                    e.resourceType.name(), e.resourceId, e.detail);
        }
    }

    @GET
    @WithSession
    public Uni<List<AuditEventView>> list(@QueryParam("resourceType") String resourceType,
                                          @QueryParam("resourceId") UUID resourceId,
                                          @QueryParam("actor") String actorSubject,
                                          @QueryParam("before") Long beforeId,
                                          @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("INVALID_LIMIT", "limit must be between 1 and 500");
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (resourceType != null) {
            where.add("resourceType = :type");
            params.and("type", parseType(resourceType));
        }
        if (resourceId != null) {
            where.add("resourceId = :resource");
            params.and("resource", resourceId);
        }
        if (actorSubject != null) {
            where.add("actorSubject = :actor");
            params.and("actor", actorSubject);
        }
        if (beforeId != null) {
            where.add("id < :before");
            params.and("before", beforeId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return AuditEvent.<AuditEvent>find(query, params).page(0, limit).list()
                .map(events -> events.stream().map(AuditEventView::of).toList());
    }

    private static AuditedResource parseType(String value) {
        try {
            return AuditedResource.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_RESOURCE_TYPE", "resourceType must be one of " + List.of(AuditedResource.values()));
        }
    }
}
