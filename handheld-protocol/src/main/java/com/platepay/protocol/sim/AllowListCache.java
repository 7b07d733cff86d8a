package com.platepay.protocol.sim;

import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.offline.HandheldAllowList;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Instant;

/**
 * The newest handheld allow-list the server signed for this device, kept as the signed envelope it arrived in and
 * checked again every time it is read: a list the server's key does not verify, addressed to another device, or past
 * its {@code validUntil} is never used. An older version never replaces a newer one (a broker may hand out an old
 * retained message after a failover).
 */
final class AllowListCache {

    /** Why a list cannot be used, for the attendant. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    private final Path file;
    private final PublicKey server;
    private final String deviceId;

    AllowListCache(Path file, PublicKey server, String deviceId) {
        this.file = file;
        this.server = server;
        this.deviceId = Ids.canonical(deviceId);
    }

    /** The list, verified and current at {@code now} (the device clock). */
    HandheldAllowList current(Instant now) throws Unusable, IOException {
        if (!Files.exists(file)) {
            throw new Unusable("no offline allow-list on this handheld: run 'handheld sync' while connected");
        }
        HandheldAllowList list = verified(Files.readAllBytes(file));
        if (now.isAfter(list.validUntil())) {
            throw new Unusable("the offline allow-list (version " + list.version() + ") expired at " + list.validUntil()
                    + ": run 'handheld sync' while connected");
        }
        return list;
    }

    /** Keeps {@code payload} when it is a verified list newer than the one held; the version kept, or -1 if none. */
    long offer(byte[] payload) throws Unusable, IOException {
        HandheldAllowList offered = verified(payload);
        long held = heldVersion();
        if (offered.version() <= held) {
            return held;
        }
        OfflineFiles.ensureExists(file);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(payload));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        OfflineFiles.syncDirectory(file);
        return offered.version();
    }

    long heldVersion() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return -1;
        }
        try {
            return verified(Files.readAllBytes(file)).version();
        } catch (Unusable e) {
            return -1;
        }
    }

    private HandheldAllowList verified(byte[] payload) throws Unusable {
        if (server == null) {
            throw new Unusable("no server key (serverPublicKey in the device file, or --server-key): an allow-list cannot be checked");
        }
        Envelope e;
        try {
            e = ProtocolCodec.decode(payload);
        } catch (ProtocolException ex) {
            throw new Unusable("the offline allow-list is unreadable (" + ex.getMessage() + ")");
        }
        if (!MessageTypes.HANDHELD_ALLOW_LIST.equals(e.type())) {
            throw new Unusable("not a handheld allow-list: " + e.type());
        }
        if (!EnvelopeVerifier.verify(e, server)) {
            throw new Unusable("the offline allow-list is not signed by the server: refused");
        }
        if (!deviceId.equals(Ids.canonical(e.deviceId()))) {
            throw new Unusable("the offline allow-list is for another device: refused");
        }
        try {
            return ProtocolCodec.body(e, HandheldAllowList.class);
        } catch (ProtocolException ex) {
            throw new Unusable("the offline allow-list is unreadable (" + ex.getMessage() + ")");
        }
    }
}
