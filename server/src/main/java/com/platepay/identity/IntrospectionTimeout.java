package com.platepay.identity;

import com.platepay.platform.PlatePayConfig;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestFilter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives up on a token introspection call that Keycloak does not answer within {@code platepay.oidc.introspection-timeout}.
 * A Keycloak that accepts connections but does not answer (a long pause, an overloaded host) would otherwise hold
 * every API call with a token it has not seen yet for a minute; {@code quarkus.oidc.connection-timeout} covers only
 * connecting. The call then fails with 401, and tokens whose answer is cached keep working.
 */
@ApplicationScoped
@Unremovable
@OidcEndpoint(OidcEndpoint.Type.INTROSPECTION)
public class IntrospectionTimeout implements OidcRequestFilter {

    private final long timeoutMillis;

    IntrospectionTimeout(PlatePayConfig config) {
        this.timeoutMillis = config.oidc().introspectionTimeout().toMillis();
    }

    @Override
    public void filter(OidcRequestContext context) {
        context.request().idleTimeout(timeoutMillis);
    }
}
