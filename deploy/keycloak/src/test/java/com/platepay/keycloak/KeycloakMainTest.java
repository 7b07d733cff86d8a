package com.platepay.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's argument handling and exit codes (no Keycloak needed). */
class KeycloakMainTest {

    @Test
    void helpSucceeds() {
        assertEquals(0, KeycloakMain.run(new String[] {"--help"}));
        assertEquals(0, KeycloakMain.run(new String[] {"start", "--help"}));
        assertEquals(0, KeycloakMain.run(new String[] {"token", "--help"}));
    }

    @Test
    void badArgumentsExitWith2() {
        assertEquals(2, KeycloakMain.run(new String[] {}));
        assertEquals(2, KeycloakMain.run(new String[] {"frobnicate"}));
        assertEquals(2, KeycloakMain.run(new String[] {"start", "--dir"}));
        assertEquals(2, KeycloakMain.run(new String[] {"start", "--dir", "x"}));
        assertEquals(2, KeycloakMain.run(new String[] {"token", "--user", "driver", "--bogus"}));
    }

    @Test
    void tokenWithoutARunningKeycloakExitsWith3(@TempDir Path dir) {
        assertEquals(3, KeycloakMain.run(new String[] {"token", "--dir", dir.toString(), "--user", "driver"}));
    }
}
