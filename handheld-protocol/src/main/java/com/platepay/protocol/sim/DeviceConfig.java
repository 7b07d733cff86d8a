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
 * {@code {"deviceId","siteId","mqttUsername","mqttPassword","privateKey","broker","serverPublicKey"}}. The server's
 * public key (given with the device's credentials) lets the handheld check that a result really comes from the
 * server. Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceConfig(String deviceId, String siteId, String mqttUsername, String mqttPassword, String privateKey,
                           String broker, String serverPublicKey) {

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
                pick(flags.serverPublicKey, serverPublicKey));
    }

    private static String pick(String a, String b) {
        return a != null ? a : b;
    }

    @Override
    public String toString() {
        return "DeviceConfig[deviceId=" + deviceId + ", siteId=" + siteId + ", mqttUsername=" + mqttUsername
                + ", broker=" + broker + ", mqttPassword=" + (mqttPassword == null ? "none" : "***")
                + ", privateKey=" + (privateKey == null ? "none" : "***") + "]";
    }
}
