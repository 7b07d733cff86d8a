package com.platepay.protocol.offline;

import com.platepay.protocol.CanonicalJson;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Pattern;

/** Signing and checking a {@link Voucher}, and the one charge id a voucher is debited under. */
public final class Vouchers {
    private static final Pattern SIG = Pattern.compile("[A-Za-z0-9_-]{86}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Vouchers() {
    }

    /** The bytes the voucher's signature covers: canonical JSON of the voucher as sent, without {@code sig}. */
    public static byte[] signedBytes(Voucher v) {
        ObjectNode tree = (ObjectNode) ProtocolCodec.tree(v.withSig(null));
        tree.remove("sig");
        return CanonicalJson.bytes(tree);
    }

    public static Voucher sign(Voucher v, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(DeviceKeys.ALGORITHM);
            s.initSign(key);
            s.update(signedBytes(v));
            return v.withSig(Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a voucher", e);
        }
    }

    /** True only for a well-formed signature by {@code key}; never throws. */
    public static boolean verify(Voucher v, PublicKey key) {
        if (v == null || key == null || v.sig() == null || !SIG.matcher(v.sig()).matches()) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(DeviceKeys.ALGORITHM);
            s.initVerify(key);
            s.update(signedBytes(v));
            return s.verify(Base64.getUrlDecoder().decode(v.sig()));
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The charge id a voucher is debited under, the same on every upload and every server replica: a version 8 UUID
     * made of the SHA-256 of {@code "platepay-voucher:" + canonical deviceId + ":" + counter}. So a voucher uploaded
     * twice is one charge, and the charging core's (device, charge id) uniqueness makes it one debit.
     */
    public static String chargeId(String deviceId, long counter) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("platepay-voucher:" + Ids.canonical(deviceId) + ":" + counter).getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x80);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            StringBuilder s = new StringBuilder(36);
            for (int i = 0; i < 16; i++) {
                if (i == 4 || i == 6 || i == 8 || i == 10) {
                    s.append('-');
                }
                s.append(HEX[(h[i] >> 4) & 0xf]).append(HEX[h[i] & 0xf]);
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
