package com.platepay.attendants;

import com.platepay.platform.Roles;
import com.platepay.sites.Site;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.UUID;

/** The sites an attendant works at: what their handheld and their screen are for. */
@Path("/api/v1/attendant/sites")
@RolesAllowed(Roles.ATTENDANT)
public class AttendantSiteResource {

    public record AttendantSiteView(UUID id, String name, String category, String currency) {
    }

    private final AttendantDirectory attendants;

    public AttendantSiteResource(AttendantDirectory attendants) {
        this.attendants = attendants;
    }

    @GET
    @WithSession
    public Uni<List<AttendantSiteView>> list() {
        return attendants.current().flatMap(a -> Site.<Site>list("id in ?1 order by name", a.siteIds))
                .map(sites -> sites.stream().map(s -> new AttendantSiteView(s.id, s.name, s.category.name(), s.currency)).toList());
    }
}
