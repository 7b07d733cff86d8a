package com.platepay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto's dynamic-security accounts file, made as its docs say: {@code mosquitto_ctrl dynsec init <file> <admin>
 * <password>}. It holds password hashes, so it is readable by its owner only (0600). The test broker keeps the user
 * that started it ({@code user} in its configuration), because the plugin reads and rewrites the file after a broker
 * started as root has dropped its privileges, and the build folder may sit under a folder only root may enter.
 */
public final class DynamicSecurityFile {
    public static final Path PLUGIN = Path.of("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so");
    public static final Path CTRL = Path.of("/usr/bin/mosquitto_ctrl");

    private DynamicSecurityFile() {
    }

    public static boolean available() {
        return Files.isReadable(PLUGIN) && Files.isExecutable(CTRL);
    }

    public static Path create(Path dir, String admin, String password) throws IOException, InterruptedException {
        Path file = dir.resolve("dynamic-security.json");
        Files.deleteIfExists(file);
        Process init = new ProcessBuilder(CTRL.toString(), "dynsec", "init", file.toString(), admin, password)
                .redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!init.waitFor(30, TimeUnit.SECONDS) || init.exitValue() != 0 || !Files.exists(file)) {
            throw new IOException("mosquitto_ctrl dynsec init failed: " + output);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The configuration line that keeps the broker as the user who started it (ignored when that is not root). */
    public static String keepUser() {
        return "user " + System.getProperty("user.name") + "\n";
    }
}
