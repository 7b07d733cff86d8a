package com.platepay.protocol;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 device keys as JDK key objects (signing and verifying use Bouncy Castle's RFC 8032 code). Public keys travel as base64 (standard, padded) of the X.509
 * SubjectPublicKeyInfo DER (44 bytes for Ed25519), private keys as base64 of the PKCS#8 DER. The server keeps public
 * keys only.
 */
public final class DeviceKeys {
    public static final String ALGORITHM = "Ed25519";

    private DeviceKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /**
     * The public half of an Ed25519 private key. The JDK has no direct call for it, but its generator turns a 32-byte
     * seed into the pair, and an Ed25519 private key is that seed: feeding the seed back regenerates the same pair.
     */
    public static PublicKey publicOf(PrivateKey privateKey) {
        if (!(privateKey instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        byte[] seed = ed.getBytes().get();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** The 32-byte seed of an Ed25519 private key (what RFC 8032 calls the private key). */
    static byte[] seedOf(PrivateKey privateKey) {
        if (!(privateKey instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty() || ed.getBytes().get().length != 32) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        return ed.getBytes().get();
    }

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    /** The 32 raw bytes of an Ed25519 public key. */
    static byte[] rawPublic(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != SPKI_PREFIX.length + 32
                || !java.util.Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return java.util.Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    public static String encodePublic(PublicKey k) {
        return Base64.getEncoder().encodeToString(k.getEncoded());
    }

    /** IllegalArgumentException for anything that is not a base64 Ed25519 SubjectPublicKeyInfo. */
    public static PublicKey decodePublic(String b64) {
        if (b64 == null || b64.isBlank()) {
            throw new IllegalArgumentException("no public key");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a base64 Ed25519 public key (X.509 SubjectPublicKeyInfo)", e);
        }
    }

    public static String encodePrivate(PrivateKey k) {
        return Base64.getEncoder().encodeToString(k.getEncoded());
    }

    /** IllegalArgumentException for anything that is not a base64 Ed25519 PKCS#8 key. The message never echoes the input. */
    public static PrivateKey decodePrivate(String b64) {
        if (b64 == null || b64.isBlank()) {
            throw new IllegalArgumentException("no private key");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a base64 Ed25519 private key (PKCS#8)");
        }
    }
}
