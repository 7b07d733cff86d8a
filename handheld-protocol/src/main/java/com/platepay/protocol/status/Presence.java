package com.platepay.protocol.status;

import com.platepay.protocol.EnvelopeSigner;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import java.util.function.LongSupplier;

/**
 * The signed status messages of one connection, made at connect time: the ONLINE message and the OFFLINE last will,
 * whose seq is the ONLINE's plus one, so the will (published by the broker when the connection is lost, long after
 * it was signed) still wins over this connection's ONLINE, and loses to the next connection's. {@link #goodbye}
 * is the OFFLINE a device publishes itself before a clean DISCONNECT, which discards the will.
 */
public final class Presence {

    private final EnvelopeSigner signer;
    private final String deviceId;
    private final String siteId;
    private final LongSupplier nextSeq;
    private final long onlineSeq;

    /** {@code nextSeq} is the device's own counter (it must grow across runs); it is called twice here. */
    public Presence(EnvelopeSigner signer, String deviceId, String siteId, LongSupplier nextSeq) {
        this.signer = signer;
        this.deviceId = deviceId;
        this.siteId = siteId;
        this.nextSeq = nextSeq;
        this.onlineSeq = nextSeq.getAsLong();
        nextSeq.getAsLong();   // the will's seq (onlineSeq + 1 or more): used up so no later message reuses it
    }

    public String topic() {
        return Topics.device(siteId, deviceId, Topics.STATUS);
    }

    public byte[] online() {
        return message(onlineSeq, DeviceStatus.online());
    }

    /** The last will: OFFLINE, with the seq just above {@link #online()}'s. */
    public byte[] will() {
        return message(onlineSeq + 1, DeviceStatus.offline());
    }

    /** OFFLINE with a fresh seq, for a clean disconnect. */
    public byte[] goodbye() {
        return message(nextSeq.getAsLong(), DeviceStatus.offline());
    }

    private byte[] message(long seq, DeviceStatus status) {
        return ProtocolCodec.encode(signer.sign(ProtocolCodec.envelope(MessageTypes.STATUS, deviceId, siteId, seq, status)));
    }
}
