package com.platepay.enrollment;

import com.platepay.platform.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Finds the calling driver's record, creating it on the first authenticated call (sign up once). */
@ApplicationScoped
public class DriverDirectory {

    private final CurrentUser user;

    public DriverDirectory(CurrentUser user) {
        this.user = user;
    }

    /** Must run inside a transaction. */
    public Uni<Driver> current() {
        String subject = user.subject();
        return Driver.<Driver>find("subject", subject).firstResult()
                .flatMap(found -> found != null ? Uni.createFrom().item(found) : create(subject, displayName()));
    }

    private String displayName() {
        String name = user.displayName() != null ? user.displayName() : user.username();
        return name != null ? name : user.subject();
    }

    private Uni<Driver> create(String subject, String displayName) {
        // Two first calls can race; the unique subject makes the second insert a no-op.
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("insert into drivers (id, subject, display_name, created_at) values (?1, ?2, ?3, ?4) "
                                + "on conflict (subject) do nothing")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, subject)
                        .setParameter(3, displayName)
                        .setParameter(4, Instant.now())
                        .executeUpdate())
                .flatMap(ignored -> Driver.<Driver>find("subject", subject).firstResult());
    }
}
