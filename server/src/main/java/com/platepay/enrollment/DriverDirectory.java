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
                .flatMap(found -> found != null ? Uni.createFrom().item(found) : create(subject));
    }

    private Uni<Driver> create(String subject) {
        // Two first calls can race; the unique subject makes the second insert a no-op.
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("insert into drivers (id, subject, display_name, created_at) values (?1, ?2, ?2, ?3) "
                                + "on conflict (subject) do nothing")
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, subject)
                        .setParameter(3, Instant.now())
                        .executeUpdate())
                .flatMap(ignored -> Driver.<Driver>find("subject", subject).firstResult());
    }
}
