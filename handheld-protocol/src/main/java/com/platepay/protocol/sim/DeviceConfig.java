package com.platepay.protocol.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A handheld's identity, as the demo writes it to {@code .platepay/demo/handheld.json}:
 * {@code {"deviceId","siteId","mqttUsername","mqttPassword","privateKey","broker","serverPublicKey","caFile"}}. The
 * server's public key (given with the device's credentials) lets the handheld check that a result really comes from
 * the server; {@code caFile} (a PEM file, relative to the device file's folder or absolute) is the CA the broker's
 * TLS certificate must chain to on an {@code mqtts://} broker. A device with its own client certificate names it in
 * {@code clientCertificate} (PKCS#12) and {@code clientCertificatePassword}. Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceConfig(String deviceId, String siteId, String mqttUsername, String mqttPassword, String privateKey,
                           String broker, String serverPublicKey, String caFile, String clientCertificate,
                           String clientCertificatePassword) {

    public DeviceConfig(String deviceId, String siteId, String mqttUsername, String mqttPassword, String privateKey,
                        String broker, String serverPublicKey) {
        this(deviceId, siteId, mqttUsername, mqttPassword, privateKey, broker, serverPublicKey, null, null, null);
    }

    private static final ObjectMapper READER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static DeviceConfig read(Path file) throws IOException {
        try {
            DeviceConfig c = READER.readValue(Files.readAllBytes(file), DeviceConfig.class);
            if (c == null) {
                throw new IOException("empty device file");
            }
            return c;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot read device file " + file + ": " + e.getMessage().split("\n")[0], e);
        }
    }

    /** This config with every non-null value of {@code flags} on top. */
    public DeviceConfig overriddenBy(DeviceConfig flags) {
        return new DeviceConfig(
                pick(flags.deviceId, deviceId), pick(flags.siteId, siteId), pick(flags.mqttUsername, mqttUsername),
                pick(flags.mqttPassword, mqttPassword), pick(flags.privateKey, privateKey), pick(flags.broker, broker),
                pick(flags.serverPublicKey, serverPublicKey), pick(flags.caFile, caFile),
                pick(flags.clientCertificate, clientCertificate), pick(flags.clientCertificatePassword, clientCertificatePassword));
    }

    /**
     * The broker this device talks to ({@code fallback} when the file names none), with its CA file and client
     * certificate resolved against {@code folder} (the device file's; null: the working folder).
     */
    public BrokerUrl brokerUrl(String fallback, Path folder) {
        BrokerUrl url = BrokerUrl.parse(broker == null ? fallback : broker);
        if (caFile != null) {
            url = url.withCa(resolve(folder, caFile));
        }
        if (clientCertificate != null) {
            url = url.withClientCertificate(resolve(folder, clientCertificate), clientCertificatePassword);
        }
        return url;
    }

    private static Path resolve(Path folder, String file) {
        Path p = Path.of(file);
        return folder == null || p.isAbsolute() ? p : folder.resolve(p);
    }

    private static String pick(String a, String b) {
        return a != null ? a : b;
    }

    @Override
    public String toString() {
        return "DeviceConfig[deviceId=" + deviceId + ", siteId=" + siteId + ", mqttUsername=" + mqttUsername
                + ", broker=" + broker + ", caFile=" + caFile + ", clientCertificate=" + clientCertificate + ", mqttPassword=" + (mqttPassword == null ? "none" : "***")
                + ", privateKey=" + (privateKey == null ? "none" : "***")
                + ", clientCertificatePassword=" + (clientCertificatePassword == null ? "none" : "***") + "]";
    }
}
