package com.platepay.sites;

import com.platepay.platform.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The calling operator's organisation. An operator user belongs to exactly one (the unique owner subject); it is
 * created on the operator's first call, named after them until they rename it.
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
        return Operator.<Operator>find("ownerSubject", subject).firstResult()
                .flatMap(found -> found != null ? Uni.createFrom().item(found) : Panache.getSession()
                        .flatMap(s -> s.createNativeQuery("insert into operators (id, owner_subject, name, created_at) "
                                        + "values (?1, ?2, ?3, ?4) on conflict (owner_subject) do nothing")
                                .setParameter(1, UUID.randomUUID()).setParameter(2, subject)
                                .setParameter(3, user.username() != null ? user.username() : subject).setParameter(4, Instant.now())
                                .executeUpdate())
                        .flatMap(ignored -> Operator.<Operator>find("ownerSubject", subject).firstResult()));
    }
}
