package com.platepay.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The suite's own stack on free ports: embedded PostgreSQL, the acquirer (HTTP bank or ISO 8583 host), optionally Mosquitto, and the
 * server from its packaged jar with the fleet seeder on. No Keycloak: charges over MQTT do not use it, and the
 * server starts without it (quarkus-oidc connects lazily, on the first REST call that needs a token).
 */
final class Stack implements AutoCloseable {
    private static final Duration SEED_TIMEOUT = Duration.ofSeconds(300);

    final PostgresNode postgres;
    final AcquirerNode bank;
    final MosquittoNode mosquitto;
    final ServerNode server;
    final Fleet fleet;

    private Stack(PostgresNode postgres, AcquirerNode bank, MosquittoNode mosquitto, ServerNode server, Fleet fleet) {
        this.postgres = postgres;
        this.bank = bank;
        this.mosquitto = mosquitto;
        this.server = server;
        this.fleet = fleet;
    }

    static Stack start(SuiteConfig config, PrintStream out) throws IOException {
        Path work = Files.createDirectories(config.workDir());
        PostgresNode postgres = null;
        AcquirerNode bank = null;
        MosquittoNode mosquitto = null;
        ServerNode server = null;
        try {
            postgres = PostgresNode.start(work);
            out.printf("PostgreSQL (embedded) on 127.0.0.1:%d%n", postgres.port());
            bank = AcquirerNode.start(config.acquirer(), work);
            out.println("acquirer: " + bank.describe());
            boolean external = config.broker() == BrokerMode.MOSQUITTO
                    || config.broker() == BrokerMode.AUTO && MosquittoNode.installed();
            if (external) {
                mosquitto = MosquittoNode.start(work);
                out.printf("broker: Mosquitto (%s) on 127.0.0.1:%d, restartable on its own%n", MosquittoNode.BINARY, mosquitto.port());
            }
            int httpPort = Ports.free();
            int mqttPort = external ? mosquitto.port() : Ports.free();
            Path fleetDir = work.resolve("fleet");
            server = new ServerNode(config.serverJar(), serverEnv(postgres, bank, work, httpPort, mqttPort),
                    serverProperties(config, bank, work, fleetDir, external), work.resolve("server.log"), httpPort);
            if (!external) {
                out.printf("broker: the server's embedded HiveMQ on 127.0.0.1:%d (a broker restart is covered by the server restart)%n", mqttPort);
            }
            out.printf("server from %s on :%d, seeding %d handhelds and %d plates (log %s) ...%n",
                    config.serverJar(), httpPort, config.handhelds(), config.plates(), server.log());
            server.start(ServerNode.FIRST_START_TIMEOUT);
            long deadline = System.nanoTime() + SEED_TIMEOUT.toNanos();
            while (!Fleet.written(fleetDir)) {
                if (!server.alive() || System.nanoTime() > deadline) {
                    throw new IOException("the fleet was not seeded; see " + server.log());
                }
                Sleep.millis(200);
            }
            Fleet fleet = Fleet.read(fleetDir);
            out.printf("fleet: %d handhelds, %d plates, %d bank accounts; Keycloak not started (not needed for MQTT charges)%n",
                    fleet.devices().size(), fleet.plates().size(), fleet.bankAccounts().size());
            return new Stack(postgres, bank, mosquitto, server, fleet);
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable c : new AutoCloseable[] {server, mosquitto, bank, postgres}) {
                closeQuietly(c);
            }
            throw e;
        }
    }

    boolean externalBroker() {
        return mosquitto != null;
    }

    private static Map<String, String> serverEnv(PostgresNode pg, AcquirerNode bank, Path work, int httpPort, int mqttPort)
            throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", String.valueOf(pg.port()));
        env.put("DB_NAME", PostgresNode.DATABASE);
        env.put("DB_USER", PostgresNode.USER);
        env.put("DB_PASSWORD", PostgresNode.PASSWORD);
        // A fresh vault key per run, only in the child's environment (the run's database dies with the run).
        env.put("PLATEPAY_VAULT_KEY", Base64.getEncoder().encodeToString(key));
        env.putAll(bank.serverEnv());
        env.put("MQTT_HOST", "127.0.0.1");
        env.put("MQTT_PORT", String.valueOf(mqttPort));
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", String.valueOf(httpPort));
        // Nothing listens there: proves the charge path needs no Keycloak.
        env.put("OIDC_URL", "http://127.0.0.1:" + Ports.free() + "/realms/platepay");
        // Kept across server restarts, so the handhelds can keep checking result signatures.
        env.put("PLATEPAY_MQTT_SIGNING_KEY_FILE", work.resolve("server-signing.key").toString());
        return env;
    }

    private static Map<String, String> serverProperties(SuiteConfig config, AcquirerNode bank, Path work, Path fleetDir, boolean external) {
        Map<String, String> p = new HashMap<>(bank.serverProperties());
        p.put("platepay.fleet.enabled", "true");
        p.put("platepay.fleet.dir", fleetDir.toString());
        p.put("platepay.fleet.devices", String.valueOf(config.handhelds()));
        p.put("platepay.fleet.plates", String.valueOf(config.plates()));
        p.put("platepay.fleet.shared-cards", String.valueOf(config.sharedCards()));
        p.put("platepay.mqtt.embedded.data-dir", work.resolve("hivemq").toString());
        // The fleet's vehicles are approved through review like anyone's; their licence photos stay with the run.
        p.put("platepay.proofs.dir", work.resolve("proofs").toString());
        // As the server's own tests run it: the janitor looks every second and re-checks soon.
        p.put("platepay.charging.janitor-interval", "1s");
        p.put("platepay.charging.janitor-first-delay", "500ms");
        if (external) {
            p.put("platepay.mqtt.embedded.enabled", "false");
            p.put("platepay.mqtt.username", "platepay-server");
            p.put("platepay.mqtt.password", "unused-by-anonymous-mosquitto");
        }
        return p;
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {server, mosquitto, bank, postgres}) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // best effort while tearing down
        }
    }
}
