package com.platepay.bank.iso8583;

import com.platepay.platform.PlatePayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** With platepay.bank.acquirer=iso8583, not ready while the link to the acquirer is down: no charge can be taken. */
@Readiness
@ApplicationScoped
public class AcquirerLinkReadiness implements HealthCheck {

    private final boolean inUse;
    private final Instance<Iso8583AcquirerClient> client;

    public AcquirerLinkReadiness(PlatePayConfig config, Instance<Iso8583AcquirerClient> client) {
        this.inUse = "iso8583".equals(config.bank().acquirer());
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        if (!inUse) {
            return HealthCheckResponse.named("ISO 8583 acquirer link").up().withData("in use", false).build();
        }
        Iso8583AcquirerClient iso = client.get();
        return HealthCheckResponse.named("ISO 8583 acquirer link").status(iso.linkUp())
                .withData("in use", true).withData("connections", iso.linkConnections()).build();
    }
}
