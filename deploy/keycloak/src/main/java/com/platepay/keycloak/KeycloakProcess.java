package com.platepay.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keycloak in dev mode as a child process, with the platepay realm imported, for tests and the demo:
 * <pre>{@code
 * try (KeycloakProcess kc = KeycloakProcess.start(Path.of("target/keycloak-dist/keycloak-quarkus-dist.zip"), workDir, 0)) {
 *     String issuer = kc.realmUrl();                 // http://127.0.0.1:<port>/realms/platepay
 *     kc.admin().createUser("op", "password-123", "op@example.org", "Op", "Erator", "operator");
 * }
 * }</pre>
 * Its home is {@code workDir/keycloak-26.7.3} (its own copy, kept between starts so the realm and users survive), its
 * output goes to {@code workDir/keycloak.log}. Only the HTTP port is bound (on 127.0.0.1); nothing else is fixed.
 */
public final class KeycloakProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String REALM_RESOURCE = "/com/platepay/keycloak/platepay-realm.json";

    private final Process process;
    private final int port;
    private final Path log;
    private final KeycloakAdmin admin;

    private KeycloakProcess(Process process, int port, Path log, BootstrapAdmin bootstrapAdmin) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.admin = new KeycloakAdmin(baseUrl(), bootstrapAdmin.username(), bootstrapAdmin.password());
    }

    /**
     * @param distZipOrUnpackedDir the keycloak-quarkus-dist zip, the folder holding it as keycloak-quarkus-dist.zip
     *        (deploy/keycloak/target/keycloak-dist), or an unpacked distribution
     * @param port the HTTP port, or 0 for a free one
     */
    public static KeycloakProcess start(Path distZipOrUnpackedDir, Path workDir, int port) throws IOException {
        workDir = Files.createDirectories(workDir.toAbsolutePath());
        Path home = KeycloakDistribution.prepareHome(distZipOrUnpackedDir.toAbsolutePath(), workDir);
        installRealm(home);
        BootstrapAdmin bootstrapAdmin = BootstrapAdmin.loadOrCreate(workDir);
        int httpPort = port == 0 ? freePort() : port;
        Path log = workDir.resolve("keycloak.log");

        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + httpPort)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        configureEnvironment(builder.environment(), bootstrapAdmin);
        Process process = builder.start();
        KeycloakProcess keycloak = new KeycloakProcess(process, httpPort, log, bootstrapAdmin);
        try {
            keycloak.awaitRealm();
            return keycloak;
        } catch (IOException | RuntimeException e) {
            keycloak.close();
            throw e;
        }
    }

    private static void configureEnvironment(Map<String, String> env, BootstrapAdmin bootstrapAdmin) {
        // Settings inherited from the caller's shell (KC_DB, KC_HOSTNAME, JAVA_OPTS...) would change what starts.
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
        // Only read on the first start of a fresh database; BootstrapAdmin keeps the password for later starts.
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", bootstrapAdmin.username());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", bootstrapAdmin.password());
    }

    /** Written on every start; Keycloak imports it only while the realm does not exist yet (IGNORE_EXISTING). */
    private static void installRealm(Path home) throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = KeycloakProcess.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IOException("the realm file " + REALM_RESOURCE + " is not on the classpath");
            }
            Files.copy(realm, importDir.resolve("platepay-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitRealm() throws IOException {
        KeycloakHttp http = new KeycloakHttp();
        URI discovery = URI.create(realmUrl() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with code " + process.exitValue() + " while starting; last lines of "
                        + log + ":\n" + tail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).GET()).statusCode() == 200) {
                    return;
                }
            } catch (KeycloakException notYetListening) {
                // still starting
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IOException("Keycloak did not serve " + discovery + " within " + START_TIMEOUT.toSeconds()
                + " s; last lines of " + log + ":\n" + tail());
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Keycloak", e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the platepay realm: {@code http://127.0.0.1:<port>/realms/platepay} */
    public String realmUrl() {
        return baseUrl() + "/realms/" + KeycloakAdmin.REALM;
    }

    public KeycloakAdmin admin() {
        return admin;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The launched process and everything it started (kc.sh may run Keycloak's JVM as a child). */
    public List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        return tree;
    }

    /** Blocks until Keycloak ends by itself (or through {@link #close()}); returns its exit code. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Stops Keycloak and waits for it. kc.sh may exec java (same pid) or run it as a child, so the whole tree gets
     * SIGTERM (a clean shutdown), and whatever is left after 30 s is killed.
     */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, deadline);
        }
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
        try {
            long remaining = Math.max(1, deadlineNanos - System.nanoTime());
            handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            handle.destroyForcibly();
            handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(ex -> handle).join();
        } catch (ExecutionException e) {
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
