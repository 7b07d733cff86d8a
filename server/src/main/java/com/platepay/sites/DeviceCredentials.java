package com.platepay.sites;

import com.platepay.platform.Hashes;
import com.platepay.protocol.DeviceKeys;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Fresh secrets for a device, shown to the operator once. The server keeps a hash of the MQTT password and the
 * public half of the signing key. The password is 256 random bits, so a fast hash is enough: there is nothing to
 * guess, and connection storms after a network outage stay cheap.
 */
public record DeviceCredentials(String mqttPassword, String privateKey, String publicKey, String passwordHash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static DeviceCredentials generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyPair keys = DeviceKeys.generate();
        return new DeviceCredentials(password, DeviceKeys.encodePrivate(keys.getPrivate()),
                DeviceKeys.encodePublic(keys.getPublic()), Hashes.sha256Hex(password));
    }

    @Override
    public String toString() {
        return "DeviceCredentials[****]";
    }
}
