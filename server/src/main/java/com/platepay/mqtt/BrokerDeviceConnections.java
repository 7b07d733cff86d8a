package com.platepay.mqtt;

import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import com.platepay.platform.PlatePayConfig;
import com.platepay.sites.DeviceConnections;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Cuts device sessions on the embedded broker. With an external broker that is the broker's business; the
 * server still refuses every later message from the device, because it checks status and key per message.
 */
@ApplicationScoped
public class BrokerDeviceConnections implements DeviceConnections {

    private static final Logger LOG = Logger.getLogger(BrokerDeviceConnections.class);

    private final boolean embedded;

    public BrokerDeviceConnections(PlatePayConfig config) {
        this.embedded = config.mqtt().embedded().enabled();
    }

    @Override
    public void cut(UUID deviceId) {
        if (!embedded) {
            LOG.infof("device %s changed; with an external broker its live session stays until it reconnects, "
                    + "but its messages are refused from now on", deviceId);
            return;
        }
        Services.clientService().disconnectClient(deviceId.toString(), true, DisconnectReasonCode.NOT_AUTHORIZED,
                        "device credentials changed or device disabled")
                .whenComplete((cut, failure) -> {
                    if (failure != null) {
                        LOG.warnf("could not end the MQTT session of device %s: %s", deviceId, failure.getMessage());
                    }
                });
    }
}
