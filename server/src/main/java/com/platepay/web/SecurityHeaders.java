package com.platepay.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers on every page and API answer (the web apps under META-INF/resources and the REST API), outside Quarkus'
 * own /q/ tools. The Content-Security-Policy allows scripts and styles from this server only (no inline script or
 * style, no eval), images from here and blob: (a proof photo fetched with the token), and network calls to here and
 * to the Keycloak realm's origin (the token endpoint); nothing may frame the pages. A response that set its own
 * policy (a proof image: {@code default-src 'none'; sandbox}) keeps it.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.policy = policyFor(issuer);
    }

    static String policyFor(String issuer) {
        URI uri = URI.create(issuer);
        String keycloak = uri.getScheme() + "://" + uri.getRawAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; "
                + "connect-src 'self' " + keycloak + "; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (!path.startsWith("/q/")) {
                ctx.addHeadersEndHandler(ignored -> {
                    MultiMap headers = ctx.response().headers();
                    if (!headers.contains("Content-Security-Policy")) {
                        headers.set("Content-Security-Policy", policy);
                    }
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.set("X-Frame-Options", "DENY");
                    headers.set("Referrer-Policy", "no-referrer");
                    headers.set("Cross-Origin-Opener-Policy", "same-origin");
                    headers.set("Permissions-Policy", "camera=(self), geolocation=(), microphone=(), payment=()");
                    if (path.startsWith("/api/") && !headers.contains("Cache-Control")) {
                        headers.set("Cache-Control", "no-store");
                    }
                });
            }
            ctx.next();
        });
    }
}
