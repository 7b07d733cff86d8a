package com.platepay.testing;

import com.platepay.banksim.BankSimulatorProcess;
import com.platepay.keycloak.KeycloakProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The real parts every server test runs against: Keycloak with the platepay realm, an embedded PostgreSQL, the
 * simulated bank as its own process, a free port for the embedded MQTT broker, and a fresh vault key. One instance
 * serves all test classes that use it, so the application starts once.
 */
public class TestStack implements QuarkusTestResourceLifecycleManager {

    private static final String BANK_JAR = "bank-simulator.jar";
    private static final String KEYCLOAK_DIST = "keycloak.dist";
    /** The embedded broker's CONNECTs per address per second in tests (ConnectRateTest). */
    public static final int CONNECTS_PER_SECOND = 5;

    private EmbeddedPostgres postgres;
    private BankSimulatorProcess bank;
    private KeycloakProcess keycloak;
    private EmqxApiRecorder emqxApi;

    @Override
    public Map<String, String> start() {
        try {
            Path work = Files.createDirectories(Path.of("target", "test-stack").toAbsolutePath());
            // Keycloak takes longest to start, so it starts first and the rest starts meanwhile.
            CompletableFuture<KeycloakProcess> startingKeycloak = CompletableFuture.supplyAsync(() -> startKeycloak(work));
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Files.createDirectories(work.resolve("pg")).toFile())
                    .start();
            bank = BankSimulatorProcess.start(bankJar(), Files.createDirectories(work.resolve("bank")));
            int mqttPort = freePort();
            int plainMqttPort = freePort();
            TestCertificates tls = TestCertificates.create(work.resolve("tls"), "test");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);

            keycloak = join(startingKeycloak);
            TestIdentities identities = TestIdentities.create(keycloak);

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.oidc.auth-server-url", identities.realmUrl());
            config.put("quarkus.oidc.credentials.secret", identities.admin().clientSecret("platepay-server"));
            config.put("quarkus.oidc.token-cache.time-to-live", "2S");   // revocation tests wait about this long
            config.put("quarkus.oidc.token-cache.clean-up-timer-interval", "1S");
            String db = "localhost:" + postgres.getPort() + "/postgres";
            config.put("quarkus.datasource.reactive.url", "postgresql://" + db);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + db);
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "postgres");
            config.put("quarkus.datasource.charging.reactive.url", "postgresql://" + db);
            config.put("quarkus.datasource.charging.username", "postgres");
            config.put("quarkus.datasource.charging.password", "postgres");
            config.put("platepay.bank.url", bank.baseUrl());
            // Devices' default: TLS on platepay.mqtt.port (the server's own client connects there, trusting the CA).
            // Tests where TLS is not the point use the plain listener configured beside it (test.mqtt-port).
            config.put("platepay.mqtt.port", String.valueOf(mqttPort));
            config.put("platepay.mqtt.tls", "true");
            config.put("platepay.mqtt.tls-ca-file", tls.caPem().toString());
            config.put("platepay.mqtt.embedded.keystore", tls.brokerKeystore().toString());
            config.put("platepay.mqtt.embedded.keystore-password", tls.password());
            config.put("platepay.mqtt.embedded.client-ca-file", tls.caPem().toString());
            config.put("platepay.mqtt.embedded.plain-port", String.valueOf(plainMqttPort));
            // Every test device connects from 127.0.0.1, which is exempt; the rate test connects from 127.0.0.2.
            config.put("platepay.mqtt.embedded.connects-per-address-per-second", String.valueOf(CONNECTS_PER_SECOND));
            config.put("platepay.mqtt.embedded.connect-rate-exempt", "127.0.0.1");
            config.put("platepay.mqtt.embedded.data-dir", Files.createDirectories(work.resolve("hivemq")).toString());
            config.put("platepay.vault.key", Base64.getEncoder().encodeToString(key));
            config.put("platepay.mqtt.signing-key-file", work.resolve("server-signing.key").toString());
            config.put("platepay.charging.janitor-interval", "1s");
            config.put("platepay.parking.allow-list-interval", "1s");
            config.put("platepay.offline.allow-list-interval", "1s");
            config.put("platepay.refunds.janitor-interval", "1s");
            config.put("platepay.charging.janitor-first-delay", "200ms");
            config.put("platepay.bank.timeout", "800ms");
            config.put("platepay.charging.reversal-max-attempts", "4");
            // Every test class charges the same few drivers all day: the per-person limit must not get in their way.
            config.put("platepay.limits.max-daily-per-driver", "100000000");
            // The same few test accounts add hundreds of cards in a run; the per-card-number limit stays as shipped.
            config.put("platepay.cards.max-attempts-per-account", "100000");
            config.put("platepay.proofs.dir", work.resolve("proofs").toString());
            // The EMQX hooks (brokerauth) are on in tests, with a secret made for this run.
            byte[] hookSecret = new byte[24];
            new SecureRandom().nextBytes(hookSecret);
            config.put("platepay.broker-hooks.secret", Base64.getUrlEncoder().withoutPadding().encodeToString(hookSecret));
            emqxApi = EmqxApiRecorder.start();
            config.put("platepay.broker-hooks.emqx-api-url", emqxApi.url());
            config.put("platepay.broker-hooks.emqx-api-key", EmqxApiRecorder.KEY);
            config.put("platepay.broker-hooks.emqx-api-secret", EmqxApiRecorder.SECRET);
            System.setProperty("test.emqx-api-url", emqxApi.url());
            // Integration tests run in this JVM but not inside the application: they read these.
            System.setProperty("test.bank-url", bank.baseUrl());
            System.setProperty("test.mqtt-port", String.valueOf(plainMqttPort));
            System.setProperty("test.mqtts-port", String.valueOf(mqttPort));
            System.setProperty("test.tls-dir", tls.dir().toString());
            System.setProperty("test.db-host-port", "localhost:" + postgres.getPort());
            System.setProperty("test.oidc-url", identities.realmUrl());
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("test stack did not start", e);
        }
    }

    @Override
    public void stop() {
        if (emqxApi != null) {
            emqxApi.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (bank != null) {
            bank.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is ending; the data folder is under target/
            }
        }
    }

    /** The work folder is kept between runs, so a second start (the packaged-jar tests) is a fast restart. */
    private static KeycloakProcess startKeycloak(Path work) {
        String configured = System.getProperty(KEYCLOAK_DIST);
        Path dist = configured != null ? Path.of(configured)
                : Path.of("..", "deploy", "keycloak", "target", "keycloak-dist", "keycloak-quarkus-dist.zip");
        try {
            return KeycloakProcess.start(dist, Files.createDirectories(work.resolve("keycloak")), 0);
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak did not start from " + dist.toAbsolutePath()
                    + " (build it first: ./mvnw -pl deploy/keycloak install)", e);
        }
    }

    private static KeycloakProcess join(CompletableFuture<KeycloakProcess> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static Path bankJar() {
        String configured = System.getProperty(BANK_JAR);
        Path jar = configured != null ? Path.of(configured) : Path.of("..", "bank-simulator", "target", "bank-simulator.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the simulated bank's jar is missing at " + jar.toAbsolutePath()
                    + "; build it first: ./mvnw -pl bank-simulator package");
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
