package com.platepay.protocol.sim;

import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.status.Presence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A link that reports the device's presence on its {@code status} topic: it connects with the OFFLINE last will,
 * publishes ONLINE (retained) once connected, and OFFLINE itself before it disconnects, since a clean DISCONNECT
 * discards the will. A status the broker refuses is not worth failing the fill for: it is reported and skipped.
 */
final class PresenceLink implements DeviceLink {

    private final DeviceLink link;
    private final DeviceOptions.Device device;
    private Presence presence;
    private Duration timeout;

    PresenceLink(DeviceLink link, DeviceOptions.Device device) {
        this.link = link;
        this.device = device;
    }

    @Override
    public void connect(String clientId, String username, String password, Will ignored, Duration timeout) throws LinkException {
        SeqFile seq = new SeqFile(device.seqPath());
        this.presence = new Presence(new EnvelopeSigner(device.key()), device.config().deviceId(), device.config().siteId(), () -> {
            try {
                return seq.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        this.timeout = timeout;
        link.connect(clientId, username, password, new Will(presence.topic(), presence.will()), timeout);
        try {
            link.publishRetained(presence.topic(), presence.online(), timeout);
        } catch (LinkException e) {
            System.err.println("handheld: the broker did not take the ONLINE status (" + e.getMessage() + ")");
        }
    }

    @Override
    public void subscribe(String topicFilter, Consumer<Received> handler, Duration timeout) throws LinkException {
        link.subscribe(topicFilter, handler, timeout);
    }

    @Override
    public void publish(String topic, byte[] payload, String responseTopic, byte[] correlationData, Duration timeout) throws LinkException {
        link.publish(topic, payload, responseTopic, correlationData, timeout);
    }

    @Override
    public void publishRetained(String topic, byte[] payload, Duration timeout) throws LinkException {
        link.publishRetained(topic, payload, timeout);
    }

    @Override
    public void close() {
        if (presence != null) {
            try {
                link.publishRetained(presence.topic(), presence.goodbye(), timeout);
            } catch (LinkException | RuntimeException e) {
                // the connection is gone already: the broker publishes the will instead
            }
        }
        link.close();
    }
}
