package com.platepay.platform;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling. Every owner check starts from {@link #subject()}, never from an id in the request.
 * Today the identity comes from the dev identity provider; with OIDC it becomes the token's subject.
 */
@RequestScoped
public class CurrentUser {

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

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
