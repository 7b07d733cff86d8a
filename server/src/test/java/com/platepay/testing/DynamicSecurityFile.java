package com.platepay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto's dynamic-security accounts file, made as its docs say: {@code mosquitto_ctrl dynsec init <file> <admin>
 * <password>}. It holds password hashes, so it is the broker's alone (0600); Mosquitto started as root drops to the
 * {@code mosquitto} user, which must own it and its folder, because the plugin rewrites it on every change.
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
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal mosquitto = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("mosquitto");
            Files.setOwner(file, mosquitto);
            Files.setOwner(dir, mosquitto);
        }
        return file;
    }
}
