package com.platepay.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    /** The first replica: it seeded the fleet, and it is the one SERVER_KILL kills and restarts. */
    final ServerNode server;
    /** Every replica, {@link #server} first, each with its HTTP port. */
    final List<Replica> replicas;
    final Fleet fleet;

    record Replica(ServerNode node, int httpPort, String name) {
    }

    private Stack(PostgresNode postgres, AcquirerNode bank, MosquittoNode mosquitto, List<Replica> replicas, Fleet fleet) {
        this.postgres = postgres;
        this.bank = bank;
        this.mosquitto = mosquitto;
        this.replicas = List.copyOf(replicas);
        this.server = replicas.get(0).node();
        this.fleet = fleet;
    }

    static Stack start(SuiteConfig config, PrintStream out) throws IOException {
        Path work = Files.createDirectories(config.workDir());
        PostgresNode postgres = null;
        AcquirerNode bank = null;
        MosquittoNode mosquitto = null;
        List<Replica> replicas = new ArrayList<>();
        try {
            postgres = PostgresNode.start(work);
            out.printf("PostgreSQL (embedded) on 127.0.0.1:%d%n", postgres.port());
            bank = AcquirerNode.start(config.acquirer(), work);
            out.println("acquirer: " + bank.describe());
            boolean external = config.broker() == BrokerMode.MOSQUITTO
                    || config.broker() == BrokerMode.AUTO && MosquittoNode.installed();
            if (config.replicas() > 1 && !external) {
                throw new IOException("replicas share an external broker, and Mosquitto (" + MosquittoNode.BINARY + ") is not installed");
            }
            if (external) {
                mosquitto = MosquittoNode.start(work);
                out.printf("broker: Mosquitto (%s) on 127.0.0.1:%d, restartable on its own%n", MosquittoNode.BINARY, mosquitto.port());
            }
            int httpPort = Ports.free();
            int mqttPort = external ? mosquitto.port() : Ports.free();
            Path fleetDir = work.resolve("fleet");
            byte[] vaultKey = new byte[32];
            new SecureRandom().nextBytes(vaultKey);
            ServerNode server = new ServerNode(config.serverJar(), serverEnv(postgres, bank, vaultKey, work, httpPort, mqttPort, 1),
                    serverProperties(config, bank, work, fleetDir, external, true), work.resolve("server.log"), httpPort);
            replicas.add(new Replica(server, httpPort, "replica 1"));
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
            for (int n = 2; n <= config.replicas(); n++) {
                int port = Ports.free();
                ServerNode replica = new ServerNode(config.serverJar(), serverEnv(postgres, bank, vaultKey, work, port, mqttPort, n),
                        serverProperties(config, bank, work, fleetDir, external, false), work.resolve("server-" + n + ".log"), port);
                replicas.add(new Replica(replica, port, "replica " + n));
                out.printf("replica %d of the server on :%d, on the same database and broker (log %s) ...%n", n, port, replica.log());
                replica.start(ServerNode.FIRST_START_TIMEOUT);
            }
            out.printf("fleet: %d handhelds, %d plates, %d bank accounts; Keycloak not started (not needed for MQTT charges)%n",
                    fleet.devices().size(), fleet.plates().size(), fleet.bankAccounts().size());
            return new Stack(postgres, bank, mosquitto, replicas, fleet);
        } catch (IOException | RuntimeException e) {
            replicas.forEach(r -> closeQuietly(r.node()));
            for (AutoCloseable c : new AutoCloseable[] {mosquitto, bank, postgres}) {
                closeQuietly(c);
            }
            throw e;
        }
    }

    boolean externalBroker() {
        return mosquitto != null;
    }

    private static Map<String, String> serverEnv(PostgresNode pg, AcquirerNode bank, byte[] vaultKey, Path work, int httpPort,
                                                 int mqttPort, int replica) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", String.valueOf(pg.port()));
        env.put("DB_NAME", PostgresNode.DATABASE);
        env.put("DB_USER", PostgresNode.USER);
        env.put("DB_PASSWORD", PostgresNode.PASSWORD);
        // A fresh vault key per run, only in the children's environment (the run's database dies with the run).
        env.put("PLATEPAY_VAULT_KEY", Base64.getEncoder().encodeToString(vaultKey));
        env.put("MQTT_CLIENT_ID", "platepay-server-" + replica);
        env.putAll(bank.serverEnv());
        env.put("MQTT_HOST", "127.0.0.1");
        env.put("MQTT_PORT", String.valueOf(mqttPort));
        // Plain MQTT on purpose: TLS is not what this run measures, and every simulated device shares 127.0.0.1, so
        // the per-address connection rate would refuse them.
        env.put("MQTT_TLS", "false");
        env.put("MQTT_CONNECTS_PER_ADDRESS_PER_SECOND", "0");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", String.valueOf(httpPort));
        // Nothing listens there: proves the charge path needs no Keycloak.
        env.put("OIDC_URL", "http://127.0.0.1:" + Ports.free() + "/realms/platepay");
        // Kept across server restarts, so the handhelds can keep checking result signatures.
        env.put("PLATEPAY_MQTT_SIGNING_KEY_FILE", work.resolve("server-signing.key").toString());
        return env;
    }

    /** How long a fill's hold waits for its charge in the suite. */
    static final int HOLD_SECONDS = 20;

    private static Map<String, String> serverProperties(SuiteConfig config, AcquirerNode bank, Path work, Path fleetDir, boolean external,
                                                        boolean seeds) {
        Map<String, String> p = new HashMap<>(bank.serverProperties());
        p.put("platepay.fleet.enabled", String.valueOf(seeds));
        p.put("platepay.fleet.dir", fleetDir.toString());
        p.put("platepay.fleet.devices", String.valueOf(config.handhelds()));
        p.put("platepay.fleet.plates", String.valueOf(config.plates()));
        p.put("platepay.fleet.shared-cards", String.valueOf(config.sharedCards()));
        // Fills need cylinders and a price; a hold whose charge never comes is voided soon, within the janitor's bound.
        p.put("platepay.fleet.cylinders", String.valueOf(config.cylinders()));
        // Offline fills need each station's allow-list, which lists its regulars: the fleet has filled everywhere before,
        // and a list is rebuilt every few seconds (so one changed by the run's own charges reaches the handhelds soon).
        p.put("platepay.fleet.regulars", String.valueOf(config.voucherShare() > 0));
        p.put("platepay.offline.allow-list-interval", "5s");
        p.put("platepay.fleet.hold-seconds", String.valueOf(HOLD_SECONDS));
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
        replicas.forEach(r -> closeQuietly(r.node()));
        for (AutoCloseable c : new AutoCloseable[] {mosquitto, bank, postgres}) {
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
