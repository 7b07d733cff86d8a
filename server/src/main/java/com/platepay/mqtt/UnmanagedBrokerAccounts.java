package com.platepay.mqtt;

import com.platepay.sites.BrokerAccounts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An external broker whose device accounts the server does not manage (anonymous, or one that calls the server's
 * hooks at connect). The server still refuses every message of a disabled device or an old key, since it checks
 * status and signature per message; what it cannot do is end a live session.
 */
@ApplicationScoped
@Typed(UnmanagedBrokerAccounts.class)
public class UnmanagedBrokerAccounts implements BrokerAccounts {

    private static final Logger LOG = Logger.getLogger(UnmanagedBrokerAccounts.class);

    @Override
    public Uni<Void> created(UUID deviceId, UUID siteId, String password) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> rotated(UUID deviceId, UUID siteId, String password) {
        return unmanaged(deviceId);
    }

    @Override
    public Uni<Void> disabled(UUID deviceId) {
        return unmanaged(deviceId);
    }

    @Override
    public Uni<Void> enabled(UUID deviceId) {
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> unmanaged(UUID deviceId) {
        LOG.infof("device %s changed; the external broker keeps its live session until it reconnects, "
                + "but its messages are refused from now on", deviceId);
        return Uni.createFrom().voidItem();
    }
}
