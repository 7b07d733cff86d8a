package com.platepay.demo;

import com.platepay.platform.PlatePayConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the demo writes for its devices: where the broker is ({@code mqtts://} unless plain MQTT is configured) and
 * the CA its certificate chains to ({@code caFile}, so the device checks whom it talks to), in files that hold
 * secrets and are therefore created 0600 from the start.
 */
final class DeviceFiles {

    private DeviceFiles() {
    }

    /** The {@code broker} and {@code caFile} fields of a device file. */
    static Map<String, String> brokerFields(PlatePayConfig.Mqtt mqtt) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("broker", (mqtt.tls() ? "mqtts://" : "tcp://") + mqtt.host() + ":" + mqtt.port());
        if (mqtt.tls()) {
            mqtt.tlsCaFile().ifPresent(ca -> fields.put("caFile", Path.of(ca).toAbsolutePath().toString()));
        }
        return fields;
    }

    /** Written 0600 from the start (a temp file created with that mode), then moved into place atomically. */
    static void writePrivately(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
