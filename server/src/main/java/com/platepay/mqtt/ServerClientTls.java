package com.platepay.mqtt;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.tls.BrokerTrust;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the server's own MQTT client checks the broker it connects to over TLS. With a CA file: the certificate must
 * chain to it and name {@code platepay.mqtt.host} (the HiveMQ client checks the host name unless told otherwise).
 * With the embedded broker and no CA file: exactly the certificates of the broker's own keystore are trusted, and the
 * host name is not checked, since the listener may bind 0.0.0.0 and the peer is this process's own broker, pinned by
 * its certificate. An external broker without a CA file: the JVM's trust store and the host name.
 */
final class ServerClientTls {

    private ServerClientTls() {
    }

    static Optional<MqttClientSslConfig> of(PlatePayConfig.Mqtt mqtt) {
        if (!mqtt.tls()) {
            return Optional.empty();
        }
        if (mqtt.tlsCaFile().isPresent()) {
            return Optional.of(MqttClientSslConfig.builder().trustManagerFactory(BrokerTrust.fromPem(Path.of(mqtt.tlsCaFile().get()))).build());
        }
        if (mqtt.embedded().enabled() && mqtt.embedded().keystore().isPresent()) {
            char[] password = mqtt.embedded().keystorePassword().orElse("").toCharArray();
            return Optional.of(MqttClientSslConfig.builder()
                    .trustManagerFactory(BrokerTrust.fromKeystore(Path.of(mqtt.embedded().keystore().get()), password))
                    .hostnameVerifier((host, session) -> true)
                    .build());
        }
        return Optional.of(MqttClientSslConfig.builder().build());
    }
}
