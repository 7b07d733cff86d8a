package com.platepay.mqtt;

import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.EnvelopeSigner;
import com.platepay.sites.ResultSigningKey;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The server's own MQTT credentials and result-signing key. With the embedded broker the server is the only
 * party that needs its password, so a fresh random one per start is both simplest and safest. The signing key must
 * outlive restarts: devices were given its public half when they were provisioned.
 */
@ApplicationScoped
public class ServerIdentity implements ResultSigningKey {

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
        PrivateKey key = signingKey(mqtt);
        this.signer = new EnvelopeSigner(key);
        this.publicKey = DeviceKeys.publicOf(key);
    }

    private static PrivateKey signingKey(PlatePayConfig.Mqtt mqtt) {
        if (mqtt.signingKey().isPresent()) {
            return DeviceKeys.decodePrivate(mqtt.signingKey().get());
        }
        if (mqtt.signingKeyFile().isPresent()) {
            return SigningKeyFile.loadOrCreate(Path.of(mqtt.signingKeyFile().get()));
        }
        if (!ConfigUtils.isProfileActive("test") && !ConfigUtils.isProfileActive("dev")) {
            // A key made per start is one no device was given: every approved debit would look like a timeout to the
            // handheld after a restart, and the attendant would take a second payment.
            throw new IllegalStateException("set PLATEPAY_MQTT_SIGNING_KEY_FILE (or PLATEPAY_MQTT_SIGNING_KEY): results must be"
                    + " signed with a key that survives restarts; a key file is made (mode 0600) on the first start");
        }
        LOG.warn("no platepay.mqtt.signing-key or signing-key-file: signing results with a key made for this run only"
                + " (allowed in the dev and test profiles only)");
        return DeviceKeys.generate().getPrivate();
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

    /** Devices check results against this key; they get it with their credentials. */
    @Override
    public String publicKey() {
        return DeviceKeys.encodePublic(publicKey);
    }
}
