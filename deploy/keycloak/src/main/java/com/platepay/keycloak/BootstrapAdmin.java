package com.platepay.keycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The master-realm admin of one Keycloak home. Keycloak creates it from KC_BOOTSTRAP_ADMIN_* only on the first start
 * of a fresh database, so the random password is kept in the work dir (0600) and reused when that home restarts.
 */
record BootstrapAdmin(String username, String password) {
    static final String USERNAME = "admin";

    static BootstrapAdmin loadOrCreate(Path workDir) throws IOException {
        Path file = workDir.resolve("keycloak-admin-password");
        if (Files.isRegularFile(file)) {
            return new BootstrapAdmin(USERNAME, Files.readString(file, StandardCharsets.UTF_8).trim());
        }
        String password = PrivateFiles.randomPassword();
        PrivateFiles.write(file, password + "\n");
        return new BootstrapAdmin(USERNAME, password);
    }

    @Override
    public String toString() {
        return "BootstrapAdmin[" + username + "]";
    }
}
