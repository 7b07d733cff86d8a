package com.platepay.attendants;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.identity.KeycloakUsers;
import com.platepay.platform.ApiException;
import com.platepay.platform.Roles;
import com.platepay.sites.Operator;
import com.platepay.sites.OperatorDirectory;
import com.platepay.sites.Site;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An operator's attendant accounts: create one for some of their sites, list them, disable one. */
@Path("/api/v1/operator/attendants")
@RolesAllowed(Roles.OPERATOR)
public class AttendantResource {

    public record NewAttendant(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,49}",
                                       message = "3-50 characters: lower-case letters, digits, '.', '_' or '-'") String username,
                               @NotBlank @Email @Size(max = 200) String email,
                               @NotBlank @Size(max = 100) String firstName,
                               @NotBlank @Size(max = 100) String lastName,
                               @NotEmpty @Size(max = 50) Set<@NotNull UUID> siteIds) {
    }

    public record AttendantView(UUID id, String username, List<UUID> siteIds, String status, Instant createdAt, Instant updatedAt) {
        static AttendantView of(Attendant a) {
            return new AttendantView(a.id, a.username, a.siteIds.stream().sorted().toList(), a.status.name(), a.createdAt, a.updatedAt);
        }
    }

    /** Returned once: the attendant signs in with this password and must replace it at once. */
    public record IssuedAttendant(AttendantView attendant, String temporaryPassword) {
        @Override
        public String toString() {
            return "IssuedAttendant[" + attendant.id() + "]";
        }
    }

    private final OperatorDirectory operators;
    private final KeycloakUsers users;
    private final AuditLog audit;

    public AttendantResource(OperatorDirectory operators, KeycloakUsers users, AuditLog audit) {
        this.operators = operators;
        this.users = users;
        this.audit = audit;
    }

    @GET
    @WithTransaction
    public Uni<List<AttendantView>> list() {
        return operators.current().flatMap(o -> Attendant.<Attendant>list("operatorId = ?1 order by createdAt", o.id))
                .map(as -> as.stream().map(AttendantView::of).toList());
    }

    /**
     * The Keycloak account is made between two transactions, so no database connection waits on Keycloak. If the
     * second transaction fails, the account is deleted again: no attendant exists without its site list.
     */
    @APIResponse(responseCode = "201", description = "the attendant and a temporary password, shown once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedAttendant.class)))
    @POST
    public Uni<Response> create(@Valid @NotNull NewAttendant request) {
        String password = TemporaryPasswords.generate();
        return Panache.withTransaction(() -> operators.current().call(o -> requireOwnSites(o, request.siteIds())))
                .flatMap(operator -> users.create(new KeycloakUsers.NewUser(request.username(), request.email().strip(),
                                request.firstName().strip(), request.lastName().strip(), password), Roles.ATTENDANT)
                        .flatMap(subject -> Panache.withTransaction(() -> persist(operator, subject, request))
                                .onFailure().call(() -> users.delete(subject))))
                .map(a -> Response.status(201).entity(new IssuedAttendant(AttendantView.of(a), password)).build());
    }

    /** Refused at once by this server; Keycloak also disables the account and ends its sessions. */
    @POST
    @Path("/{id}/disable")
    public Uni<AttendantView> disable(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> operators.current().flatMap(o -> owned(o, id)).invoke(a -> {
                    a.status = Attendant.Status.DISABLED;
                    a.updatedAt = Instant.now();
                }).call(a -> audit.record(AuditAction.ATTENDANT_DISABLED, AuditedResource.ATTENDANT, a.id, a.username)))
                .call(a -> users.disable(a.subject))
                .map(AttendantView::of);
    }

    /** The sites an attendant may charge at, replaced as a whole (each one the operator's own). */
    public record AssignSites(@NotEmpty @Size(max = 50) Set<@NotNull UUID> siteIds) {
    }

    @APIResponse(responseCode = "200", description = "the attendant with the new site list")
    @APIResponse(responseCode = "404", description = "not the operator's attendant, or not the operator's site")
    @PUT
    @Path("/{id}/sites")
    public Uni<AttendantView> assign(@PathParam("id") UUID id, @Valid @NotNull AssignSites request) {
        return Panache.withTransaction(() -> operators.current().call(o -> requireOwnSites(o, request.siteIds()))
                        .flatMap(o -> owned(o, id)).invoke(a -> {
                            a.siteIds.clear();
                            a.siteIds.addAll(request.siteIds());
                            a.updatedAt = Instant.now();
                        }).call(a -> audit.record(AuditAction.ATTENDANT_SITES_ASSIGNED, AuditedResource.ATTENDANT, a.id,
                                a.username + " for sites " + a.siteIds.stream().sorted().toList())))
                .map(AttendantView::of);
    }

    private Uni<Attendant> persist(Operator operator, String subject, NewAttendant request) {
        Attendant a = new Attendant();
        a.id = UUID.randomUUID();
        a.operatorId = operator.id;
        a.subject = subject;
        a.username = request.username();
        a.status = Attendant.Status.ACTIVE;
        a.siteIds = new HashSet<>(request.siteIds());
        a.createdAt = Instant.now();
        a.updatedAt = a.createdAt;
        return a.<Attendant>persist().call(saved -> audit.record(AuditAction.ATTENDANT_CREATED, AuditedResource.ATTENDANT, saved.id,
                saved.username + " for sites " + saved.siteIds.stream().sorted().toList()));
    }

    /** Another operator's site is "not found", as everywhere else. */
    private static Uni<Void> requireOwnSites(Operator operator, Set<UUID> siteIds) {
        return Site.count("operatorId = ?1 and id in ?2", operator.id, siteIds).map(found -> {
            if (found != siteIds.size()) {
                throw ApiException.notFound("site");
            }
            return null;
        });
    }

    private static Uni<Attendant> owned(Operator operator, UUID id) {
        return Attendant.<Attendant>find("id = ?1 and operatorId = ?2", id, operator.id).firstResult().map(a -> {
            if (a == null) {
                throw ApiException.notFound("attendant");
            }
            return a;
        });
    }
}
