package com.platepay.edge.lane;

import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.parking.AllowList;
import com.platepay.protocol.parking.LaneCommand;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what arrives on the lane's command topic before the box acts on it: the server's signature, addressed to
 * this device, not seen before (commandId), and an OPEN_BARRIER not expired. Anything else is dropped and said so.
 */
final class ServerMessages {

    sealed interface Verified permits Command, List {
    }

    record Command(LaneCommand command) implements Verified {
    }

    record List(AllowList allowList) implements Verified {
    }

    private final PublicKey serverKey;
    private final String deviceId;
    private final Clock clock;
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    ServerMessages(String serverPublicKey, String deviceId, Clock clock) {
        this.serverKey = DeviceKeys.decodePublic(serverPublicKey);
        this.deviceId = Ids.canonical(deviceId);
        this.clock = clock;
    }

    /** The message if the box may act on it, or the reason it may not. */
    synchronized Optional<Verified> check(byte[] payload, java.util.function.Consumer<String> refused) {
        try {
            Envelope e = ProtocolCodec.decode(payload);
            if (!EnvelopeVerifier.verify(e, serverKey)) {
                refused.accept("a message not signed by the server");
                return Optional.empty();
            }
            if (!deviceId.equals(Ids.canonical(e.deviceId()))) {
                refused.accept("a message for another device");
                return Optional.empty();
            }
            if (MessageTypes.ALLOW_LIST.equals(e.type())) {
                return Optional.of(new List(ProtocolCodec.body(e, AllowList.class)));
            }
            if (!MessageTypes.COMMAND.equals(e.type())) {
                return Optional.empty();
            }
            LaneCommand c = ProtocolCodec.body(e, LaneCommand.class);
            if (!seen.add(Ids.canonical(c.commandId()))) {
                refused.accept("a command seen before (replayed)");
                return Optional.empty();
            }
            if (c.action() == LaneCommand.Action.OPEN_BARRIER && clock.instant().isAfter(c.expiresAt())) {
                refused.accept("an expired OPEN_BARRIER");
                return Optional.of(new Command(new LaneCommand(c.commandId(), LaneCommand.Action.DISPLAY, c.expiresAt(), null,
                        c.ackSeq(), c.decision(), c.sessionId(), c.amount(), c.currency())));
            }
            return Optional.of(new Command(c));
        } catch (Exception ex) {
            refused.accept("an unreadable message (" + ex.getMessage() + ")");
            return Optional.empty();
        }
    }
}
