package com.platepay.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** A second start of the same work dir keeps the realm and its users, and reuses the stored admin password. */
class RestartTest {

    @Test
    void restartKeepsRealmUsersAndSecrets() throws IOException {
        KeycloakProcess before = TestKeycloak.get();
        before.admin().createPasswordGrantClient("restart-cli");
        before.admin().createUser("survivor", "survivor-password-1", "survivor@example.org", "Sur", "Vivor", "operator");
        String secret = before.admin().clientSecret("platepay-server");
        Path adminPassword = TestKeycloak.workDir().resolve("keycloak-admin-password");
        String storedPassword = Files.readString(adminPassword);

        KeycloakProcess after = TestKeycloak.restart();

        assertNotEquals(before, after);
        assertEquals(storedPassword, Files.readString(adminPassword));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(adminPassword)));
        assertEquals(secret, after.admin().clientSecret("platepay-server"), "admin API works with the stored password");
        assertTrue(Jwt.realmRoles(after.admin().passwordGrant("restart-cli", "survivor", "survivor-password-1"))
                .contains("operator"));
    }
}
