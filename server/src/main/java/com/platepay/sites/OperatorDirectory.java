package com.platepay.sites;

import com.platepay.platform.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The calling operator's organisation. A user belongs to exactly one: the one an admin added them to, or else
 * one founded for them on their first call and named after them.
 */
@ApplicationScoped
public class OperatorDirectory {

    private final CurrentUser user;

    public OperatorDirectory(CurrentUser user) {
        this.user = user;
    }

    /** Must run inside a transaction. */
    public Uni<Operator> current() {
        String subject = user.subject();
        return organisationOf(subject).flatMap(found -> found != null ? Uni.createFrom().item(found) : found(subject));
    }

    static Uni<Operator> organisationOf(String subject) {
        return OperatorMember.<OperatorMember>findById(subject)
                .flatMap(m -> m == null ? Uni.createFrom().<Operator>nullItem() : Operator.<Operator>findById(m.operatorId));
    }

    private Uni<Operator> found(String subject) {
        String name = user.username() != null ? user.username() : subject;
        // One statement, so two first calls at once found one organisation: the loser's inserts are no-ops.
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("with org as (insert into operators (id, owner_subject, name, created_at) "
                                + "values (?1, ?2, ?3, ?4) on conflict (owner_subject) do nothing returning id) "
                                + "insert into operator_members (subject, operator_id, username, added_at) "
                                + "select ?2, id, ?3, ?4 from org on conflict (subject) do nothing")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, subject)
                        .setParameter(3, name).setParameter(4, Instant.now())
                        .executeUpdate())
                .flatMap(ignored -> organisationOf(subject));
    }
}
