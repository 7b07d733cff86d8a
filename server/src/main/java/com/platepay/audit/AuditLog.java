package com.platepay.audit;

import com.platepay.platform.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Records who did what to which resource. Call it inside the transaction that makes the change, so the change and
 * its audit line commit together or not at all.
 */
@ApplicationScoped
public class AuditLog {

    private final CurrentUser user;

    public AuditLog(CurrentUser user) {
        this.user = user;
    }

    public Uni<Void> record(AuditAction action, AuditedResource type, UUID resourceId, String detail) {
        return recordAs(Actor.of(user), action, type, resourceId, detail);
    }

    /** For work no signed-in user asked for (a seeder); same rules as {@link #record}. */
    public Uni<Void> recordAs(Actor actor, AuditAction action, AuditedResource type, UUID resourceId, String detail) {
        AuditEvent event = new AuditEvent();
        event.at = Instant.now();
        event.actorSubject = actor.subject();
        event.actorName = actor.name();
        event.actorRole = actor.role();
        event.action = action;
        event.resourceType = type;
        event.resourceId = resourceId;
        event.detail = detail;
        return event.persist().replaceWithVoid();
    }
}
