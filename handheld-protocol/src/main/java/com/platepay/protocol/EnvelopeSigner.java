package com.platepay.protocol;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs envelopes: {@code sig} = base64url (no padding) of the Ed25519 signature over
 * {@code CanonicalJson.bytes(tree(envelope without sig))}. Thread-safe.
 */
public final class EnvelopeSigner {
    private final PrivateKey key;

    public EnvelopeSigner(PrivateKey key) {
        if (key == null) {
            throw new IllegalArgumentException("no private key");
        }
        String alg = key.getAlgorithm();
        if (!"EdDSA".equals(alg) && !"Ed25519".equals(alg)) {
            throw new IllegalArgumentException("an Ed25519 key is needed, got " + alg);
        }
        this.key = key;
    }

    /** The bytes a signature covers: the canonical JSON of the envelope without {@code sig}. */
    public static byte[] signedBytes(Envelope e) {
        return CanonicalJson.bytes(ProtocolCodec.tree(e.withoutSig()));
    }

    /** A copy of {@code e} carrying the signature (any old sig is replaced). */
    public Envelope sign(Envelope e) {
        try {
            Signature s = Signature.getInstance(DeviceKeys.ALGORITHM);
            s.initSign(key);
            s.update(signedBytes(e));
            return e.withSig(Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign()));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Ed25519 signing failed", ex);
        }
    }
}
