package com.platepay.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real Keycloak for the whole test run, started on first use on a free port and stopped when the test JVM exits.
 * Its work dir is wiped once per run, so the realm is always imported from the current platepay-realm.json.
 */
final class TestKeycloak {
    private static KeycloakProcess instance;

    private TestKeycloak() {
    }

    static synchronized KeycloakProcess get() {
        if (instance == null) {
            deleteTree(workDir());
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestKeycloak::stop, "test-keycloak-stop"));
        }
        return instance;
    }

    /** Stops and starts the same work dir again (what a demo restart does). */
    static synchronized KeycloakProcess restart() {
        get().close();
        instance = start();
        return instance;
    }

    static Path workDir() {
        return Path.of(System.getProperty("keycloak.workdir", "target/keycloak-test")).toAbsolutePath();
    }

    private static KeycloakProcess start() {
        try {
            return KeycloakProcess.start(Path.of(System.getProperty("keycloak.dist")), workDir(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
