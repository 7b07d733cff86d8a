package com.platepay.protocol;

import java.security.PublicKey;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import java.util.Base64;
import java.util.regex.Pattern;

/** Checks {@link EnvelopeSigner} signatures. */
public final class EnvelopeVerifier {
    /** 64 signature bytes are 86 base64url characters without padding. */
    private static final Pattern SIG = Pattern.compile("[A-Za-z0-9_-]{86}");

    private EnvelopeVerifier() {
    }

    /** True only for a well-formed signature by {@code key} over this envelope; false (never throws) otherwise. */
    public static boolean verify(Envelope e, PublicKey key) {
        if (e == null || key == null || e.sig() == null || !SIG.matcher(e.sig()).matches()) {
            return false;
        }
        try {
            byte[] sig = Base64.getUrlDecoder().decode(e.sig());
            byte[] message = EnvelopeSigner.signedBytes(e);
            byte[] raw = DeviceKeys.rawPublic(key);
            return sig.length == Ed25519.SIGNATURE_SIZE && Ed25519.verify(sig, 0, raw, 0, message, 0, message.length);
        } catch (Exception | LinkageError ex) {
            return false;
        }
    }
}
