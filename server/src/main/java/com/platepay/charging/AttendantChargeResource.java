package com.platepay.charging;

import com.platepay.attendants.Attendant;
import com.platepay.attendants.AttendantDirectory;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an attendant needs to answer "did my payment go through?": the last day's charges at their own sites only.
 * Older history is the operator's.
 */
@Path("/api/v1/attendant/charges")
@RolesAllowed(Roles.ATTENDANT)
public class AttendantChargeResource {

    static final Duration WINDOW = Duration.ofHours(24);

    private final AttendantDirectory attendants;

    public AttendantChargeResource(AttendantDirectory attendants) {
        this.attendants = attendants;
    }

    @GET
    @WithSession
    public Uni<List<ChargeView>> list(@QueryParam("siteId") UUID siteId) {
        return attendants.current().flatMap(a -> {
            Set<UUID> sites = a.siteIds;
            if (siteId != null) {
                if (!sites.contains(siteId)) {
                    throw ApiException.notFound("site");
                }
                sites = Set.of(siteId);
            }
            return Charge.<Charge>find("siteId in ?1 and createdAt > ?2 order by createdAt desc", sites, Instant.now().minus(WINDOW))
                    .page(0, 200).list();
        }).map(cs -> cs.stream().map(ChargeView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ChargeView> get(@PathParam("id") UUID id) {
        return attendants.current()
                .flatMap((Attendant a) -> Charge.<Charge>find("id = ?1 and siteId in ?2 and createdAt > ?3", id, a.siteIds,
                        Instant.now().minus(WINDOW)).<Charge>firstResult())
                .map(c -> {
                    if (c == null) {
                        throw ApiException.notFound("charge");
                    }
                    return ChargeView.of(c);
                });
    }
}
