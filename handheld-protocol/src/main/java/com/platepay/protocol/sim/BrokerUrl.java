package com.platepay.protocol.sim;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code tcp://host[:1883]} or {@code ssl://host[:8883]} (also {@code mqtt://}, {@code mqtts://}). */
public record BrokerUrl(String host, int port, boolean tls) {

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
                default -> throw new IllegalArgumentException("broker URL must be tcp://host:port or ssl://host:port, got " + text);
            };
            if (u.getHost() == null || (u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/"))) {
                throw new IllegalArgumentException("broker URL must be tcp://host:port or ssl://host:port, got " + text);
            }
            int port = u.getPort() > 0 ? u.getPort() : (tls ? 8883 : 1883);
            return new BrokerUrl(u.getHost(), port, tls);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a broker URL: " + text);
        }
    }

    /** A client builder for this broker, version not yet chosen: host, port, TLS and connect timeouts. */
    MqttClientBuilder clientBuilder(String clientId, Duration timeout) {
        MqttClientBuilder b = MqttClient.builder()
                .identifier(clientId)
                .transportConfig()
                .serverHost(host).serverPort(port)
                .socketConnectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .applyTransportConfig();
        return tls ? b.sslWithDefaultConfig() : b;
    }

    @Override
    public String toString() {
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }
}
