package com.platepay.mqtt;

import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.EnvelopeSigner;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The server's own MQTT credentials and result-signing key. With the embedded broker the server is the only
 * party that needs its password, so a fresh random one per start is both simplest and safest.
 */
@ApplicationScoped
public class ServerIdentity {

    private static final Logger LOG = Logger.getLogger(ServerIdentity.class);

    private final String username;
    private final String password;
    private final EnvelopeSigner signer;
    private final PublicKey publicKey;

    public ServerIdentity(PlatePayConfig config) {
        PlatePayConfig.Mqtt mqtt = config.mqtt();
        this.username = mqtt.username().orElse("platepay-server");
        if (mqtt.password().isPresent()) {
            this.password = mqtt.password().get();
        } else if (mqtt.embedded().enabled()) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        } else {
            throw new IllegalStateException("platepay.mqtt.password is required with an external broker");
        }
        if (mqtt.signingKey().isPresent()) {
            PrivateKey key = DeviceKeys.decodePrivate(mqtt.signingKey().get());
            this.signer = new EnvelopeSigner(key);
            this.publicKey = null;
        } else {
            KeyPair pair = DeviceKeys.generate();
            LOG.warn("no platepay.mqtt.signing-key: signing results with a key made for this run only");
            this.signer = new EnvelopeSigner(pair.getPrivate());
            this.publicKey = pair.getPublic();
        }
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public EnvelopeSigner signer() {
        return signer;
    }

    /** Known only when the key was made here; otherwise devices are given it out of band. */
    public PublicKey ephemeralPublicKey() {
        return publicKey;
    }
}
