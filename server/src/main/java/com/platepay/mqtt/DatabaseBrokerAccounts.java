package com.platepay.mqtt;

import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import com.platepay.platform.PlatePayConfig;
import com.platepay.sites.BrokerAccounts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * For brokers whose device accounts are the database: the embedded one ({@link DeviceAuthenticator} reads it at every
 * connect) and an unmanaged external one (anonymous, or calling the server's hooks). There is nothing to tell them
 * but to end a session whose secret or device is no longer good, which only the embedded broker lets us do. Either
 * way the server refuses every later message of a disabled device or an old key, since it checks each message.
 */
@ApplicationScoped
@Typed(DatabaseBrokerAccounts.class)
public class DatabaseBrokerAccounts implements BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(DatabaseBrokerAccounts.class);

    private final boolean embedded;

    public DatabaseBrokerAccounts(PlatePayConfig config) {
        this.embedded = config.mqtt().embedded().enabled();
    }

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

    private Uni<Void> cut(UUID deviceId) {
        if (!embedded) {
            LOG.infof("device %s changed; the external broker keeps its live session until it reconnects, "
                    + "but its messages are refused from now on", deviceId);
            return Uni.createFrom().voidItem();
        }
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
