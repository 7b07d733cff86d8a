package com.platepay.vault;

import com.platepay.platform.PlatePayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for card numbers. The card id is the associated data, so a ciphertext copied onto another card row
 * does not decrypt. Layout: key-id length, key id, 12-byte nonce, ciphertext with tag.
 */
@ApplicationScoped
public class CardCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec fingerprintKey;
    private final byte[] keyId;
    private final SecureRandom random = new SecureRandom();

    public CardCipher(PlatePayConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.vault().key().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("platepay.vault.key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("platepay.vault.key must be 32 bytes (AES-256), got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.fingerprintKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"),
                "platepay/pan-fingerprint/v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        this.keyId = config.vault().keyId().getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] encrypt(String pan, UUID cardId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(cardId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(pan.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(1 + keyId.length + NONCE_BYTES + sealed.length)
                    .put((byte) keyId.length).put(keyId).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("card encryption failed", e);
        }
    }

    public String decrypt(byte[] stored, UUID cardId) {
        try {
            ByteBuffer in = ByteBuffer.wrap(stored);
            byte[] storedKeyId = new byte[in.get()];
            in.get(storedKeyId);
            if (!java.util.Arrays.equals(storedKeyId, keyId)) {
                throw new IllegalStateException("card was sealed with key " + new String(storedKeyId, StandardCharsets.US_ASCII)
                        + ", which is not configured");
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(cardId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(sealed), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Never include the ciphertext or anything derived from it.
            throw new IllegalStateException("card " + cardId + " could not be decrypted");
        }
    }

    /** A keyed hash of the number, to find duplicates without decrypting anything. */
    public String fingerprint(String pan) {
        return HexFormat.of().formatHex(hmac(fingerprintKey, pan.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
