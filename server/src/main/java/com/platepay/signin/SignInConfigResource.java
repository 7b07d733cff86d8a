package com.platepay.signin;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one endpoint without sign-in: where the web page sends people to sign in, and with which public clients.
 * Nothing here is secret; the page needs it before it has a token.
 */
@Path("/api/v1/sign-in-config")
@PermitAll
public class SignInConfigResource {

    public record SignInConfig(String issuer, String driverClientId, String staffClientId) {
    }

    /** Public clients of the realm (deploy/keycloak/platepay-realm.json): authorisation code with PKCE only. */
    static final String DRIVER_APP = "platepay-driver-app";
    static final String STAFF_CONSOLE = "platepay-operator-console";

    private final SignInConfig config;

    public SignInConfigResource(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.config = new SignInConfig(issuer.replaceAll("/+$", ""), DRIVER_APP, STAFF_CONSOLE);
    }

    @GET
    public SignInConfig get() {
        return config;
    }
}
