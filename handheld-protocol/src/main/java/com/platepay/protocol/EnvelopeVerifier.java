package com.platepay.protocol;

import java.security.PublicKey;
import java.security.Signature;
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
            Signature s = Signature.getInstance(DeviceKeys.ALGORITHM);
            s.initVerify(key);
            s.update(EnvelopeSigner.signedBytes(e));
            return s.verify(sig);
        } catch (Exception | LinkageError ex) {
            return false;
        }
    }
}
