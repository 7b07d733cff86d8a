package com.platepay.bench;

import com.platepay.banksim.BankSimulatorProcess;
import com.platepay.faults.Fleet;
import com.platepay.faults.Ports;
import com.platepay.faults.ServerNode;
import com.platepay.faults.Sleep;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's own stack on free ports, kept in one folder between runs: durable PostgreSQL, the simulated bank
 * (its accounts in an fsync'd journal), and the server from its packaged jar with the embedded broker. The first run
 * seeds the fleet (drivers, vehicles, cards, mandates, bank accounts, handhelds); later runs with the same fleet
 * size reuse it, with the same vault and signing keys.
 */
final class BenchStack implements AutoCloseable {
    private static final Duration SEED_TIMEOUT = Duration.ofMinutes(60);
    /** The fleet's card numbers (server demo.FleetSeeder.pan): the simulated bank opens their accounts on first use. */
    private static final String FLEET_CARD_PREFIX = "6222029";

    final DurablePostgres postgres;
    final BankSimulatorProcess bank;
    final ServerNode server;
    final Fleet fleet;
    final int httpPort;
    final int mqttPort;

    private BenchStack(DurablePostgres postgres, BankSimulatorProcess bank, ServerNode server, Fleet fleet, int httpPort, int mqttPort) {
        this.postgres = postgres;
        this.bank = bank;
        this.server = server;
        this.fleet = fleet;
        this.httpPort = httpPort;
        this.mqttPort = mqttPort;
    }

    /** The fleet size kept in {@code work}, or -1 when nothing is seeded there. */
    static int seededVehicles(Path work) throws IOException {
        Path marker = work.resolve("seeded");
        return Files.isRegularFile(marker) ? Integer.parseInt(Files.readString(marker).trim()) : -1;
    }

    /** Removes what an earlier run kept, so the next start seeds a fresh fleet. */
    static void wipe(Path work) throws IOException {
        if (!Files.exists(work)) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static BenchStack start(BenchSettings settings, PrintStream out) throws IOException {
        Path work = Files.createDirectories(settings.workDir());
        DurablePostgres pg = null;
        BankSimulatorProcess bank = null;
        ServerNode server = null;
        try {
            pg = DurablePostgres.start(work.resolve("pg"), out);
            // The optimising compiler and room to work: the bank must not be what the benchmark measures.
            bank = BankSimulatorProcess.start(settings.bankJar(), Files.createDirectories(work.resolve("bank")),
                    List.of("-Xmx512m", "-XX:+UseParallelGC"),
                    List.of("--state", work.resolve("bank").resolve("state.json").toString(), "--fleet-accounts", FLEET_CARD_PREFIX));
            out.printf("simulated bank on %s (log %s)%n", bank.baseUrl(), bank.logFile());
            int httpPort = Ports.free();
            int mqttPort = Ports.free();
            Path fleetDir = work.resolve("fleet");
            boolean seeded = seededVehicles(work) == settings.vehicles();
            server = new ServerNode(settings.serverJar(), settings.serverJvm(), env(pg, bank, work, httpPort, mqttPort),
                    properties(settings, work, fleetDir), work.resolve("server.log"), httpPort);
            out.printf("server from %s on :%d, broker :%d (log %s)%n", settings.serverJar(), httpPort, mqttPort, server.log());
            if (!seeded) {
                out.printf("seeding %d vehicles and %d handhelds (once; later runs of this size reuse them) ...%n",
                        settings.vehicles(), settings.devices());
            }
            long started = System.nanoTime();
            // Seeding runs before the server reports ready: a million vehicles take minutes.
            server.start(seeded ? ServerNode.FIRST_START_TIMEOUT : SEED_TIMEOUT);
            long deadline = started + SEED_TIMEOUT.toNanos();
            while (!Fleet.written(fleetDir)) {
                if (!server.alive() || System.nanoTime() > deadline) {
                    throw new IOException("the fleet was not seeded; see " + server.log());
                }
                Sleep.millis(200);
            }
            if (!seeded) {
                Files.writeString(work.resolve("seeded"), String.valueOf(settings.vehicles()));
                out.printf("seeded in %.0f s%n", (System.nanoTime() - started) / 1e9);
            }
            Fleet fleet = Fleet.read(fleetDir);
            // The device files name the broker of the run that seeded them; this run's broker is on another port.
            return new BenchStack(pg, bank, server, fleet, httpPort, mqttPort);
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable c : new AutoCloseable[] {server, bank, pg}) {
                closeQuietly(c);
            }
            throw e;
        }
    }

    String brokerUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    private static Map<String, String> env(DurablePostgres pg, BankSimulatorProcess bank, Path work, int httpPort, int mqttPort)
            throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", "127.0.0.1");
        env.put("DB_PORT", String.valueOf(pg.port()));
        env.put("DB_NAME", DurablePostgres.DATABASE);
        env.put("DB_USER", DurablePostgres.USER);
        env.put("DB_PASSWORD", pg.password());
        env.put("PLATEPAY_VAULT_KEY", SecretFile.readOrCreate(work.resolve("vault.key"), 32, Base64.getEncoder()::encodeToString));
        env.put("PLATEPAY_BANK_URL", bank.baseUrl());
        env.put("MQTT_HOST", "127.0.0.1");
        env.put("MQTT_PORT", String.valueOf(mqttPort));
        // Plain MQTT on purpose: TLS is not what this run measures, and every simulated device shares 127.0.0.1, so
        // the per-address connection rate would refuse them.
        env.put("MQTT_TLS", "false");
        env.put("MQTT_CONNECTS_PER_ADDRESS_PER_SECOND", "0");
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", String.valueOf(httpPort));
        env.put("OIDC_URL", "http://127.0.0.1:" + Ports.free() + "/realms/platepay");
        env.put("PLATEPAY_MQTT_SIGNING_KEY_FILE", work.resolve("server-signing.key").toString());
        return env;
    }

    private static Map<String, String> properties(BenchSettings settings, Path work, Path fleetDir) {
        Map<String, String> p = new HashMap<>();
        p.put("platepay.fleet.enabled", "true");
        p.put("platepay.fleet.dir", fleetDir.toString());
        p.put("platepay.fleet.devices", String.valueOf(settings.devices()));
        p.put("platepay.fleet.plates", String.valueOf(settings.vehicles()));
        // A fleet as drivers have them: every vehicle its own driver and card.
        p.put("platepay.fleet.shared-cards", "false");
        p.put("platepay.fleet.bulk", "true");
        p.put("platepay.mqtt.embedded.data-dir", work.resolve("hivemq").toString());
        p.putAll(settings.serverProperties());
        return p;
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {server, bank, postgres}) {
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
