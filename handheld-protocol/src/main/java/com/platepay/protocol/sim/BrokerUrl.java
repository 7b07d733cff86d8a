package com.platepay.protocol.sim;

import java.net.URI;
import java.net.URISyntaxException;

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

    @Override
    public String toString() {
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }
}
