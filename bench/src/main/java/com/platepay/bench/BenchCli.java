package com.platepay.bench;

import com.platepay.protocol.sim.BrokerUrl;
import com.platepay.protocol.sim.DeviceConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platepay bench}: exit 0 when it measured (whatever the verdicts), 2 on bad usage, 3 when the stack failed. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCli.Seed.class, usageHelpWidth = 120, description = {
        "Measures the charge path on its own stack: durable PostgreSQL (the installed server when there is one), the",
        "simulated bank and the packaged server with its embedded broker, on free ports. Sends signed charges from many",
        "simulated handhelds over plates of a seeded fleet, open loop at --rate (latency from each charge's scheduled",
        "time to its verified result, in an HdrHistogram), runs pgbench on the same PostgreSQL, and prints the figures,",
        "a verdict per target of issue #11 and one summary line per figure. A benchmark, not a test (README \"Benchmark\").",
        "",
        "--against URL measures a running stack instead (its server's HTTP base, e.g. http://127.0.0.1:8080) and starts",
        "nothing. It needs the handhelds to send from: --fleet DIR (what a server started with platepay.fleet.enabled=true",
        "wrote: devices/*.json, plates.csv) or --device FILE (a device file such as the demo's .platepay/demo/handheld.json,",
        "its TLS CA and client certificate resolved beside it; repeatable), the plates to charge (--plate, repeatable; the",
        "fleet's by default), and the broker the device files name unless --broker. It reads the stage timers from the",
        "server's /q/metrics. Throughput is reported only when --db-url (with --db-user, --db-password-file) shows the",
        "stack's PostgreSQL commits durably; pgbench runs there too when that role may create its database."})
public final class BenchCli implements Callable<Integer> {
    static final int MEASURED = 0;
    static final int USAGE = 2;
    static final int STACK_FAILED = 3;

    @CommandLine.Mixin
    Common common = new Common();
    @Option(names = "--rate", defaultValue = "1000", description = "charges per second, open loop; 0 = flat out (default ${DEFAULT-VALUE})")
    int rate;
    @Option(names = "--in-flight", defaultValue = "64", description = "charges outstanding when flat out (default ${DEFAULT-VALUE})")
    int inFlight;
    @Option(names = "--duration", defaultValue = "60", description = "seconds of steady state measured (default ${DEFAULT-VALUE})")
    int duration;
    @Option(names = "--warmup", defaultValue = "15", description = "seconds of load before measuring (default ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--prime", defaultValue = "3000", description = "unmeasured charges, 32 in flight, before the warm-up (default ${DEFAULT-VALUE})")
    int prime;
    @Option(names = "--pgbench-clients", defaultValue = "8", description = "pgbench clients (default ${DEFAULT-VALUE})")
    int pgbenchClients;
    @Option(names = "--pgbench-seconds", defaultValue = "20", description = "pgbench run length; 0 skips it (default ${DEFAULT-VALUE})")
    int pgbenchSeconds;
    @Option(names = "--seed", defaultValue = "11", description = "seed of the plates and amounts drawn (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--against", paramLabel = "URL", description = "measure the running stack whose server is at URL (see above)")
    URI against;
    @Option(names = "--fleet", paramLabel = "DIR", description = "with --against: the fleet folder the server's fleet seeder wrote")
    Path fleetDir;
    @Option(names = "--device", paramLabel = "FILE", description = "with --against: a handheld's device file (repeatable)")
    List<Path> deviceFiles = new ArrayList<>();
    @Option(names = "--plate", paramLabel = "PLATE", description = "with --against: an enrolled blue plate to charge (repeatable)")
    List<String> plates = new ArrayList<>();
    @Option(names = "--broker", paramLabel = "URL", description = "with --against: tcp:// or mqtts:// broker instead of the device files'")
    String broker;
    @Option(names = "--db-url", paramLabel = "URL", description = "with --against: the stack's PostgreSQL, postgresql://host:port/database")
    String dbUrl;
    @Option(names = "--db-user", defaultValue = "platepay", description = "with --db-url: the role (default ${DEFAULT-VALUE})")
    String dbUser;
    @Option(names = "--db-password-file", paramLabel = "FILE", description = "with --db-url: a file holding the role's password")
    Path dbPasswordFile;

    /** What run and seed share: where, which jars, how big a fleet. */
    static final class Common {
        @Option(names = "--vehicles", defaultValue = "1000", description = "enrolled vehicles in the fleet (default ${DEFAULT-VALUE})")
        int vehicles;
        @Option(names = "--devices", defaultValue = "100", description = "simulated handhelds (default ${DEFAULT-VALUE})")
        int devices;
        @Option(names = "--work-dir", description = "where stacks and results are kept (default /var/tmp/platepay-bench)")
        Path workDir;
        @Option(names = "--server-heap", defaultValue = "1g", description = "the server's -Xmx (default ${DEFAULT-VALUE})")
        String serverHeap;
        @Option(names = "--jfr", description = "record the server with Java Flight Recorder (profile settings) into FILE")
        Path jfr;
        @Option(names = "-D", mapFallbackValue = "", description = "a server property for this run, e.g. -Dplatepay.mqtt.max-in-flight=512")
        Map<String, String> serverProperties = new LinkedHashMap<>();

        Path root() {
            return workDir != null ? workDir : Path.of("/var/tmp/platepay-bench");
        }

        private List<String> serverJvm() {
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + serverHeap, "-Xms" + serverHeap));
            if (jfr != null) {
                jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr.toAbsolutePath());
            }
            return jvm;
        }

        BenchSettings settings(int rate, int inFlight, int warmup, int duration, int pgClients, int pgSeconds, long seed) {
            Path home = Path.of(System.getProperty("platepay.home", "."));
            return new BenchSettings(root().resolve("fleet-" + vehicles + "-" + devices),
                    home.resolve("server/target/quarkus-app/quarkus-run.jar"), home.resolve("bank-simulator/target/bank-simulator.jar"),
                    serverJvm(), serverProperties, vehicles, devices, rate, inFlight, warmup,
                    duration, pgClients, pgSeconds, seed);
        }
    }

    @Command(name = "seed", mixinStandardHelpOptions = true, description = {
            "Enrols a fleet for later runs: --vehicles drivers, each with a vehicle, a card (with its account at the",
            "simulated bank) and a mandate, and --devices handhelds. Kept in the work folder; `bench` with the same",
            "--vehicles and --devices reuses it."})
    static final class Seed implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception {
            BenchSettings settings = common.settings(0, 0, 0, 0, 0, 0, 0);
            BenchStack.wipe(settings.workDir());
            try (BenchStack stack = BenchStack.start(settings, System.out)) {
                System.out.printf("fleet: %d vehicles, %d handhelds in %s%n", stack.fleet.plates().size(),
                        stack.fleet.devices().size(), settings.workDir());
                return MEASURED;
            } catch (IOException e) {
                System.err.println("bench seed: " + e.getMessage());
                return STACK_FAILED;
            }
        }
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new BenchCli()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rate < 0 || duration < 1 || warmup < 0 || common.vehicles < 1 || common.devices < 1 || inFlight < 1) {
            System.err.println("bench: --rate >= 0, --duration >= 1, --warmup >= 0, --vehicles, --devices and --in-flight >= 1");
            return USAGE;
        }
        PrintStream out = System.out;
        out.printf("machine: %d cores, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (against != null) {
            return measureAgainst(out);
        }
        BenchSettings settings = common.settings(rate, inFlight, warmup, duration, pgbenchClients, pgbenchSeconds, seed);
        try (BenchStack stack = BenchStack.start(settings, out)) {
            BenchDatabase.Durability durability = stack.postgres.durability();
            out.printf("commits: %s -> %s%n", durability, durability.durable() ? "durable" : "NOT durable");
            OptionalDouble tps = pgbench(stack.postgres, settings, out);
            List<LoadDevice> devices = new ArrayList<>();
            for (DeviceConfig d : stack.fleet.devices()) {
                devices.add(new LoadDevice(d, BrokerUrl.parse(stack.brokerUrl())));
            }
            measure(settings, devices, stack.fleet.plates(), URI.create("http://127.0.0.1:" + stack.httpPort), durability.durable(), tps, out);
            return MEASURED;
        } catch (IOException e) {
            System.err.println("bench: " + e.getMessage());
            return STACK_FAILED;
        }
    }

    private Integer measureAgainst(PrintStream out) throws Exception {
        RunningStack stack;
        try {
            Optional<RemoteDatabase> db = Optional.empty();
            if (dbUrl != null) {
                if (dbPasswordFile == null) {
                    throw new IllegalArgumentException("--db-url needs --db-password-file");
                }
                db = Optional.of(RemoteDatabase.parse(dbUrl, dbUser, Files.readString(dbPasswordFile).strip()));
            }
            stack = RunningStack.of(against, fleetDir, deviceFiles, plates, broker, db);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("bench: " + e.getMessage());
            return USAGE;
        }
        BenchSettings settings = new BenchSettings(common.root().resolve("against"), null, null, List.of(), Map.of(),
                stack.plates().size(), stack.devices().size(), rate, inFlight, warmup, duration, pgbenchClients, pgbenchSeconds, seed);
        try {
            Files.createDirectories(settings.workDir());
            stack.checkReady();
            out.printf("against %s: %d handhelds, %d plates%n", against, stack.devices().size(), stack.plates().size());
            boolean durable = false;
            OptionalDouble tps = OptionalDouble.empty();
            if (stack.database().isEmpty()) {
                out.println("commits: unknown (no --db-url) -> durability not shown, so throughput is not reported");
            } else {
                BenchDatabase.Durability durability = stack.database().get().durability();
                durable = durability.durable();
                out.printf("commits: %s -> %s%n", durability, durable ? "durable" : "NOT durable");
                tps = pgbench(stack.database().get(), settings, out);
            }
            measure(settings, stack.devices(), stack.plates(), against, durable, tps, out);
            return MEASURED;
        } catch (IOException | java.sql.SQLException e) {
            System.err.println("bench: " + e.getMessage());
            return STACK_FAILED;
        }
    }

    /** Connects the handhelds, primes, runs the load and prints the figures, the stage timers and the verdicts. */
    private void measure(BenchSettings settings, List<LoadDevice> devices, List<String> fleetPlates, URI server, boolean durable,
                         OptionalDouble tps, PrintStream out) throws Exception {
        ChargeLoad load = new ChargeLoad(devices, fleetPlates, seed);
        try {
            load.connect();
            load.prime(prime, 32, out);
            StageScrape stages = new StageScrape(server);
            var atStart = new java.util.concurrent.atomic.AtomicReference<>(new StageScrape.Snapshot(Map.of()));
            ChargeLoad.Figures figures = load.run(rate, inFlight, warmup, duration, () -> atStart.set(stages.take()), out);
            StageScrape.print(atStart.get(), stages.take(), out);
            BenchReport report = new BenchReport(settings, durable, figures, tps);
            report.print(out);
            report.append(common.root().resolve("results.csv"));
        } finally {
            load.close();
        }
    }

    private static OptionalDouble pgbench(BenchDatabase db, BenchSettings settings, PrintStream out) {
        if (settings.pgbenchSeconds() == 0) {
            out.println("pgbench: skipped (--pgbench-seconds 0)");
            return OptionalDouble.empty();
        }
        var binary = db.pgbench();
        if (binary.isEmpty()) {
            out.println("pgbench: not installed (apt-get install postgresql-client); no ratio");
            return OptionalDouble.empty();
        }
        out.printf("pgbench: TPC-B-like, scale 10, %d clients, %d s, on the same PostgreSQL ...%n", settings.pgbenchClients(),
                settings.pgbenchSeconds());
        OptionalDouble tps;
        try {
            tps = Pgbench.run(db, binary.get(), settings.pgbenchClients(), settings.pgbenchSeconds(),
                    settings.workDir().resolve("pgbench.log"));
        } catch (IOException e) {
            out.println("pgbench: could not run (" + e.getMessage() + "); no ratio");
            return OptionalDouble.empty();
        }
        tps.ifPresent(t -> out.printf("pgbench: %.0f tps%n", t));
        return tps;
    }
}
