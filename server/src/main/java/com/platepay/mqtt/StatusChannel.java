package com.platepay.mqtt;

import com.platepay.presence.DevicePresence;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.Topics;
import com.platepay.protocol.status.DeviceStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * {@code status}: a device's ONLINE on connect and OFFLINE on leaving, or as its last will (published by the broker
 * when the connection is lost without a DISCONNECT). Stored by presence.DevicePresence, newest seq wins; nothing is
 * answered. The will was signed at connect time, so the replay window does not apply (the signature does).
 *
 * <p>Every replica subscribes plainly, not through the shared subscription: a status is retained, and a replica that
 * starts (or reconnects) after a device went online or its will was published learns it only from the retained copy,
 * which MQTT 5 never sends to a shared subscription. Every replica storing the same status changes nothing.
 */
@ApplicationScoped
public class StatusChannel implements DeviceChannel {

    private static final Logger LOG = Logger.getLogger(StatusChannel.class);
    private final DevicePresence presence;

    public StatusChannel(DevicePresence presence) {
        this.presence = presence;
    }

    @Override
    public String channel() {
        return Topics.STATUS;
    }

    @Override
    public String requestType() {
        return MessageTypes.STATUS;
    }

    @Override
    public String resultChannel() {
        return null;
    }

    @Override
    public String resultType() {
        return null;
    }

    @Override
    public boolean everyReplica() {
        return true;
    }

    @Override
    public boolean checksReplayWindow() {
        return false;
    }

    @Override
    public Uni<Object> handle(AuthenticatedMessage message, Runnable committed) {
        DeviceStatus status;
        try {
            status = ProtocolCodec.body(message.envelope(), DeviceStatus.class);
        } catch (ProtocolException e) {
            throw new DeviceMessageRejection(e.code(), e.getMessage(), message.envelope().body());
        }
        long seq = message.envelope().seq();
        return presence.record(message.device().id(), message.device().siteId(), DevicePresence.State.valueOf(status.state().name()), seq)
                .map(current -> {
                    LOG.debugf("device %s %s (seq %d)%s", message.device().id(), status.state(), seq, current ? "" : ": older than the stored one");
                    return (Object) status;
                });
    }

    @Override
    public Object rejected(DeviceMessageRejection rejection) {
        return null;
    }
}
