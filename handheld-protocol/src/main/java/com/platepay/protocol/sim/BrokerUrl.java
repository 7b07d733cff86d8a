package com.platepay.protocol.sim;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import com.platepay.protocol.tls.BrokerTrust;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code mqtts://host[:8883]} or {@code tcp://host[:1883]} (also {@code ssl://}, {@code tls://}, {@code mqtt://}).
 * Over TLS the broker's certificate must chain to {@code caFile} (a PEM file; the JVM's trust store when null) and
 * name the host: the HiveMQ client checks the host name whenever no verifier is set, and none is. A device with a
 * client certificate shows it from {@code clientCertificate} (PKCS#12).
 */
public record BrokerUrl(String host, int port, boolean tls, Path caFile, Path clientCertificate, String clientCertificatePassword) {

    public BrokerUrl(String host, int port, boolean tls) {
        this(host, port, tls, null, null, null);
    }

    public static BrokerUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no broker URL");
        }
        try {
            URI u = new URI(text.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
            boolean tls = switch (scheme) {
                case "tcp", "mqtt" -> false;
                case "ssl", "tls", "mqtts" -> true;
                default -> throw new IllegalArgumentException("broker URL must be mqtts://host:port or tcp://host:port, got " + text);
            };
            if (u.getHost() == null || (u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/"))) {
                throw new IllegalArgumentException("broker URL must be mqtts://host:port or tcp://host:port, got " + text);
            }
            int port = u.getPort() > 0 ? u.getPort() : (tls ? 8883 : 1883);
            return new BrokerUrl(u.getHost(), port, tls);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a broker URL: " + text);
        }
    }

    /** This broker, its certificate checked against the CA certificates in this PEM file (null: the JVM's). */
    public BrokerUrl withCa(Path pem) {
        return new BrokerUrl(host, port, tls, pem, clientCertificate, clientCertificatePassword);
    }

    /** This broker, shown the device's own certificate from a PKCS#12 file (null: none). */
    public BrokerUrl withClientCertificate(Path pkcs12, String password) {
        return new BrokerUrl(host, port, tls, caFile, pkcs12, password);
    }

    /** A client builder for this broker, version not yet chosen: host, port, TLS and connect timeouts. */
    public MqttClientBuilder clientBuilder(String clientId, Duration timeout) {
        var transport = MqttClient.builder()
                .identifier(clientId)
                .transportConfig()
                .serverHost(host).serverPort(port)
                .socketConnectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        // TLS goes inside the transport config: hivemq-mqtt-client 1.4.2 ignores a builder-level sslConfig(...) once
        // a transport config has been applied, and would connect in plain text.
        return (tls ? transport.sslConfig(sslConfig()) : transport).applyTransportConfig();
    }

    /** The TLS settings: trust in the CA file (or the JVM's), the host name checked, the client certificate if any. */
    public MqttClientSslConfig sslConfig() {
        MqttClientSslConfigBuilder ssl = MqttClientSslConfig.builder();
        if (caFile != null) {
            ssl = ssl.trustManagerFactory(BrokerTrust.fromPem(caFile));
        }
        if (clientCertificate != null) {
            ssl = ssl.keyManagerFactory(BrokerTrust.clientIdentity(clientCertificate,
                    clientCertificatePassword == null ? new char[0] : clientCertificatePassword.toCharArray()));
        }
        return ssl.build();
    }

    @Override
    public String toString() {
        return (tls ? "mqtts://" : "tcp://") + host + ":" + port;
    }
}
