package com.platepay.sites;

import com.platepay.audit.AuditAction;
import com.platepay.audit.AuditLog;
import com.platepay.audit.AuditedResource;
import com.platepay.identity.KeycloakUsers;
import com.platepay.platform.ApiException;
import com.platepay.platform.Db;
import com.platepay.platform.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Operator organisations, for platform staff: who belongs to which, and adding a colleague to one. */
@Path("/api/v1/admin/operators")
@RolesAllowed(Roles.ADMIN)
public class AdminOperatorResource {

    public record Member(String subject, String username, Instant addedAt) {
    }

    public record OperatorView(UUID id, String name, Instant createdAt, List<Member> members) {
    }

    public record AddMember(@NotBlank @Size(max = 100) String username) {
    }

    private final KeycloakUsers users;
    private final AuditLog audit;

    public AdminOperatorResource(KeycloakUsers users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @GET
    @WithSession
    public Uni<List<OperatorView>> list() {
        return Operator.<Operator>list("order by createdAt").flatMap(operators -> OperatorMember.<OperatorMember>list("order by addedAt")
                .map(members -> {
                    Map<UUID, List<Member>> byOperator = members.stream().collect(Collectors.groupingBy(m -> m.operatorId,
                            Collectors.mapping(m -> new Member(m.subject, m.username, m.addedAt), Collectors.toList())));
                    return operators.stream().map(o -> new OperatorView(o.id, o.name, o.createdAt,
                            byOperator.getOrDefault(o.id, List.of()))).toList();
                }));
    }

    /** The user must hold the operator role and belong to no organisation yet (they can never see two). */
    @POST
    @Path("/{id}/members")
    public Uni<Member> add(@PathParam("id") UUID operatorId, @Valid @NotNull AddMember request) {
        String username = request.username().strip();
        return users.findId(username)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("user")))
                .call(subject -> users.hasRole(subject, Roles.OPERATOR).invoke(isOperator -> {
                    if (!isOperator) {
                        throw ApiException.conflict("NOT_AN_OPERATOR", "only a user with the operator role can join an organisation");
                    }
                }))
                .flatMap(subject -> Panache.withTransaction(() -> Operator.<Operator>findById(operatorId)
                        .flatMap(operator -> {
                            if (operator == null) {
                                throw ApiException.notFound("operator");
                            }
                            return OperatorMember.<OperatorMember>findById(subject);
                        })
                        .flatMap(existing -> {
                            if (existing != null) {
                                throw ApiException.conflict("ALREADY_A_MEMBER", "this user already belongs to an operator organisation");
                            }
                            OperatorMember m = new OperatorMember();
                            m.subject = subject;
                            m.operatorId = operatorId;
                            m.username = username;
                            m.addedAt = Instant.now();
                            return m.<OperatorMember>persist();
                        })
                        .call(m -> audit.record(AuditAction.OPERATOR_MEMBER_ADDED, AuditedResource.OPERATOR, operatorId, username)))
                        // The user's own first call may have founded an organisation for them meanwhile.
                        .onFailure(Db::isUniqueViolation).transform(e -> ApiException.conflict("ALREADY_A_MEMBER",
                                "this user already belongs to an operator organisation")))
                .map(m -> new Member(m.subject, m.username, m.addedAt));
    }
}
