package com.platepay.identity;

import com.platepay.platform.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Keycloak's failures as problem+json: 502, so the caller may retry. */
public class IdentityProviderMapper {

    private static final Logger LOG = Logger.getLogger(IdentityProviderMapper.class);

    @ServerExceptionMapper
    public Response identityProvider(IdentityProviderException e) {
        LOG.warnf("identity provider: %s", e.getMessage());
        return Problem.response(502, "IDENTITY_PROVIDER_UNAVAILABLE", "the identity provider did not complete the request; try again");
    }
}
