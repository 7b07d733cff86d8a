package com.platepay.sites;

/**
 * The public half of the key the server signs device answers with, which a device is given with its credentials.
 * Implemented by the device gateway (mqtt.ServerIdentity), so sites never depends on the gateway that depends on it.
 */
public interface ResultSigningKey {

    /** Base64 X.509 SubjectPublicKeyInfo of the Ed25519 key. */
    String publicKey();
}
