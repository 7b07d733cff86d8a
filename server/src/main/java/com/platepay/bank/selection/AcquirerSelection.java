package com.platepay.bank.selection;

import com.platepay.bank.AcquirerPort;
import com.platepay.bank.SimulatedAcquirerClient;
import com.platepay.bank.iso8583.Iso8583AcquirerClient;
import com.platepay.platform.PlatePayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/**
 * The one {@link AcquirerPort} everyone injects, chosen by {@code platepay.bank.acquirer} (http or iso8583). Its own
 * package, so that the port (bank) never depends on its adapters and no two packages import each other.
 */
@ApplicationScoped
public class AcquirerSelection {

    @Produces
    @ApplicationScoped
    AcquirerPort acquirer(PlatePayConfig config, Instance<SimulatedAcquirerClient> http, Instance<Iso8583AcquirerClient> iso8583) {
        return switch (config.bank().acquirer()) {
            case "http" -> http.get();
            case "iso8583" -> iso8583.get();
            default -> throw new IllegalStateException("platepay.bank.acquirer must be http or iso8583, not "
                    + config.bank().acquirer());
        };
    }

    /** With iso8583 the link is opened at start (on the startup thread, not the event loop), not at the first charge. */
    void openTheLinkAtStart(@Observes StartupEvent event, PlatePayConfig config, Instance<Iso8583AcquirerClient> iso8583) {
        if ("iso8583".equals(config.bank().acquirer())) {
            iso8583.get().awaitLink(Duration.ofSeconds(3));
        }
    }
}
