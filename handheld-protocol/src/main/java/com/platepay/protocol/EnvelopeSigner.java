package com.platepay.protocol;

import java.security.PrivateKey;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import java.util.Base64;

/**
 * Signs envelopes: {@code sig} = base64url (no padding) of the Ed25519 signature over
 * {@code CanonicalJson.bytes(tree(envelope without sig))}. Thread-safe.
 */
public final class EnvelopeSigner {
    /** The 32-byte Ed25519 seed (RFC 8032's private key). */
    private final byte[] seed;

    public EnvelopeSigner(PrivateKey key) {
        if (key == null) {
            throw new IllegalArgumentException("no private key");
        }
        String alg = key.getAlgorithm();
        if (!"EdDSA".equals(alg) && !"Ed25519".equals(alg)) {
            throw new IllegalArgumentException("an Ed25519 key is needed, got " + alg);
        }
        this.seed = DeviceKeys.seedOf(key);
    }

    /** The bytes a signature covers: the canonical JSON of the envelope without {@code sig}. */
    public static byte[] signedBytes(Envelope e) {
        return CanonicalJson.bytes(ProtocolCodec.tree(e.withoutSig()));
    }

    /** A copy of {@code e} carrying the signature (any old sig is replaced). */
    public Envelope sign(Envelope e) {
        // Bouncy Castle's RFC 8032 code: the same (deterministic) signature as the JDK's, several times faster.
        byte[] message = signedBytes(e);
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
        return e.withSig(Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
    }
}
