package com.platepay.mqtt;

import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import com.platepay.sites.BrokerAccounts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The embedded broker's accounts are the database ({@link DeviceAuthenticator} reads it at every connect), so there
 * is nothing to tell it but to end a session whose secret or device is no longer good.
 */
@ApplicationScoped
@Typed(EmbeddedBrokerAccounts.class)
public class EmbeddedBrokerAccounts implements BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(EmbeddedBrokerAccounts.class);

    @Override
    public Uni<Void> created(UUID deviceId, UUID siteId, String password) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> rotated(UUID deviceId, UUID siteId, String password) {
        return cut(deviceId);
    }

    @Override
    public Uni<Void> disabled(UUID deviceId) {
        return cut(deviceId);
    }

    @Override
    public Uni<Void> enabled(UUID deviceId) {
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> cut(UUID deviceId) {
        Services.clientService().disconnectClient(deviceId.toString(), true, DisconnectReasonCode.NOT_AUTHORIZED,
                        "device credentials changed or device disabled")
                .whenComplete((cut, failure) -> {
                    if (failure != null) {
                        LOG.warnf("could not end the MQTT session of device %s: %s", deviceId, failure.getMessage());
                    }
                });
        return Uni.createFrom().voidItem();
    }
}
