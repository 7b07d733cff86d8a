package com.platepay.platform;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified Keycloak access token. Every owner check starts from {@link #subject()} (the
 * token's {@code sub}, a Keycloak user id that never changes), never from an id in the request.
 */
@RequestScoped
public class CurrentUser {

    /** Most privileged first: the role an action is recorded under when a user holds several. */
    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.OPERATOR, Roles.ATTENDANT, Roles.DRIVER);

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String subject() {
        if (identity.isAnonymous()) {
            throw new ApiException(401, "UNAUTHENTICATED", "sign in first");
        }
        return identity.getPrincipal().getName();
    }

    /** The sign-in name, for people reading the audit log; not an identifier (it may be renamed). */
    public String username() {
        return claim("preferred_username");
    }

    /** The full name the user gave Keycloak, when there is one. */
    public String displayName() {
        return claim("name");
    }

    public String role() {
        return ROLES.stream().filter(identity::hasRole).findFirst().orElse("none");
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            return value == null ? null : value.toString();
        }
        return null;
    }
}
