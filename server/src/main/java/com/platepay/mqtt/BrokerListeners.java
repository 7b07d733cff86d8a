package com.platepay.mqtt;

import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.tls.BrokerTrust;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded broker's listeners as HiveMQ CE's {@code config.xml} spells them ({@code tls-tcp-listener} with
 * {@code keystore}, {@code truststore} and {@code client-authentication-mode}; {@code tcp-listener}), from
 * {@code platepay.mqtt.*}. TLS without a keystore is a configuration error, not a silent fall back to plain MQTT.
 */
final class BrokerListeners {

    private BrokerListeners() {
    }

    static String xml(PlatePayConfig.Mqtt config, Path conf) throws IOException {
        String host = xmlText(config.host());
        StringBuilder xml = new StringBuilder();
        if (config.tls()) {
            xml.append(tlsListener(config, conf, host));
        } else {
            xml.append(tcpListener(config.port(), host));
        }
        config.embedded().plainPort().ifPresent(port -> xml.append(tcpListener(port, host)));
        return xml.toString();
    }

    private static String tcpListener(int port, String host) {
        return "<tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>".formatted(port, host);
    }

    private static String tlsListener(PlatePayConfig.Mqtt config, Path conf, String host) throws IOException {
        PlatePayConfig.Mqtt.Embedded embedded = config.embedded();
        Path keystore = embedded.keystore().map(Path::of).orElseThrow(() -> new IllegalStateException(
                "the embedded broker serves devices over TLS (mqtts) by default: set MQTT_KEYSTORE (a PKCS#12 file with the "
                        + "broker's key and certificate) and MQTT_KEYSTORE_PASSWORD, or MQTT_TLS=false to serve plain MQTT"));
        if (!Files.isReadable(keystore)) {
            throw new IllegalStateException("the embedded broker's keystore " + keystore.toAbsolutePath() + " cannot be read");
        }
        String password = xmlText(embedded.keystorePassword().orElse(""));
        String trust = "";
        if (embedded.clientCaFile().isPresent()) {
            // HiveMQ reads a trust store file; made from the PEM at each start, beside the config, with its own password.
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String trustPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path trustStore = conf.resolve("client-ca.p12");
            writeTrustStore(Path.of(embedded.clientCaFile().get()), trustStore, trustPassword);
            // OPTIONAL: a device without a certificate still connects with its password; one with a certificate must
            // show a valid one of this CA's (the handshake fails otherwise) naming itself (DeviceAuthenticator).
            trust = "<truststore><path>%s</path><password>%s</password></truststore><client-authentication-mode>OPTIONAL</client-authentication-mode>"
                    .formatted(xmlText(trustStore.toAbsolutePath().toString()), trustPassword);
        }
        return ("<tls-tcp-listener><port>%d</port><bind-address>%s</bind-address><tls>"
                + "<keystore><path>%s</path><password>%s</password><private-key-password>%s</private-key-password></keystore>"
                + "%s<protocols><protocol>TLSv1.3</protocol><protocol>TLSv1.2</protocol></protocols></tls></tls-tcp-listener>")
                .formatted(config.port(), host, xmlText(keystore.toAbsolutePath().toString()), password, password, trust);
    }

    private static void writeTrustStore(Path pem, Path target, String password) throws IOException {
        try {
            KeyStore store = BrokerTrust.trustStore(BrokerTrust.certificates(pem));
            Path tmp = Files.createTempFile(target.getParent(), "client-ca", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password.toCharArray());
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the client CA " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file that holds a secret: created 0600 from the start (a temp file with that mode), then moved into place. */
    static void writePrivate(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String xmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
