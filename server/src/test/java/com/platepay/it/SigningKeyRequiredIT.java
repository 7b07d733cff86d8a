package com.platepay.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.testing.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Outside the dev and test profiles the server refuses to start without a persistent result-signing key: with a
 * key made per start, every handheld provisioned before a restart would ignore every result, an approved debit
 * would look like a timeout, and the attendant would take a second payment.
 */
@QuarkusIntegrationTest
@WithTestResource(TestStack.class)
class SigningKeyRequiredIT {

    @Test
    void theProductionProfileRefusesToStartWithoutAPersistentSigningKey() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        Path log = Files.createTempFile("no-signing-key", ".log");
        byte[] vaultKey = new byte[32];
        new SecureRandom().nextBytes(vaultKey);
        String db = System.getProperty("test.db-host-port");
        ProcessBuilder server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = server.environment();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + db + "/postgres");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + db + "/postgres");
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "postgres");
        env.put("PLATEPAY_VAULT_KEY", Base64.getEncoder().encodeToString(vaultKey));
        env.put("OIDC_URL", System.getProperty("test.oidc-url"));
        env.put("HTTP_PORT", String.valueOf(freePort()));
        env.put("MQTT_PORT", String.valueOf(freePort()));
        env.put("MQTT_TLS", "false");   // this test is about the signing key, not the broker's keystore
        env.remove("PLATEPAY_MQTT_SIGNING_KEY");
        env.remove("PLATEPAY_MQTT_SIGNING_KEY_FILE");
        Process process = server.start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the server should have refused to start; it is still running:\n" + output);
        assertNotEquals(0, process.exitValue());
        assertTrue(output.contains("PLATEPAY_MQTT_SIGNING_KEY_FILE"), "the refusal says what to set:\n" + output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
