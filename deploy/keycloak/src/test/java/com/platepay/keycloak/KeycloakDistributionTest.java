package com.platepay.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preparing a private Keycloak home from the forms of distribution other modules pass in. */
class KeycloakDistributionTest {
    private static final Path ZIP = Path.of(System.getProperty("keycloak.dist"));

    @Test
    void theFolderHoldingTheZipWorksLikeTheZipAndTheHomeIsReused(@TempDir Path work) throws IOException {
        Path home = KeycloakDistribution.prepareHome(ZIP.getParent(), work);

        assertEquals(work.resolve("keycloak-26.7.3"), home);
        assertTrue(Files.isExecutable(home.resolve("bin/kc.sh")));
        assertFalse(Files.exists(work.resolve("keycloak-26.7.3.partial")));
        Files.writeString(home.resolve("marker"), "kept");
        assertEquals(home, KeycloakDistribution.prepareHome(ZIP, work));
        assertTrue(Files.exists(home.resolve("marker")), "an existing home is not replaced");
    }

    @Test
    void anUnpackedDistIsCopiedWithoutItsData(@TempDir Path work) throws IOException {
        Path source = KeycloakDistribution.prepareHome(ZIP, work.resolve("a"));
        Files.createDirectories(source.resolve("data/h2")).resolve("keycloakdb.mv.db").toFile().createNewFile();

        Path copy = KeycloakDistribution.prepareHome(source, work.resolve("b"));

        assertTrue(Files.isExecutable(copy.resolve("bin/kc.sh")));
        assertFalse(Files.exists(copy.resolve("data")));
    }

    @Test
    void somethingElseIsRefused(@TempDir Path work) {
        assertThrows(IOException.class, () -> KeycloakDistribution.prepareHome(work, work.resolve("home")));
    }
}
