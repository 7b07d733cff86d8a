package com.platepay.bench;

import com.platepay.protocol.sim.DeviceConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platepay bench}: exit 0 when it measured (whatever the verdicts), 2 on bad usage, 3 when the stack failed. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCli.Seed.class, description = {
        "Measures the charge path on its own stack: durable PostgreSQL (the installed server when there is one), the",
        "simulated bank and the packaged server with its embedded broker, on free ports. Sends signed charges from many",
        "simulated handhelds over plates of a seeded fleet, open loop at --rate (latency from each charge's scheduled",
        "time to its verified result, in an HdrHistogram), runs pgbench on the same PostgreSQL, and prints the figures,",
        "a verdict per target of issue #11 and one summary line per figure. A benchmark, not a test (README \"Benchmark\")."})
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
        BenchSettings settings = common.settings(rate, inFlight, warmup, duration, pgbenchClients, pgbenchSeconds, seed);
        out.printf("machine: %d cores, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (BenchStack stack = BenchStack.start(settings, out)) {
            DurablePostgres.Durability durability = stack.postgres.durability();
            out.printf("commits: %s -> %s%n", durability, durability.durable() ? "durable" : "NOT durable");
            OptionalDouble tps = pgbench(stack, settings, out);
            List<LoadDevice> devices = new ArrayList<>();
            for (DeviceConfig d : stack.fleet.devices()) {
                devices.add(new LoadDevice(d, stack.brokerUrl()));
            }
            ChargeLoad load = new ChargeLoad(devices, stack.fleet.plates(), seed);
            try {
                load.connect();
                load.prime(prime, 32, out);
                StageScrape stages = new StageScrape(stack.httpPort);
                var atStart = new java.util.concurrent.atomic.AtomicReference<>(new StageScrape.Snapshot(java.util.Map.of()));
                ChargeLoad.Figures figures = load.run(rate, inFlight, warmup, duration, () -> atStart.set(stages.take()), out);
                StageScrape.print(atStart.get(), stages.take(), out);
                BenchReport report = new BenchReport(settings, durability.durable(), figures, tps);
                report.print(out);
                report.append(common.root().resolve("results.csv"));
            } finally {
                load.close();
            }
            return MEASURED;
        } catch (IOException e) {
            System.err.println("bench: " + e.getMessage());
            return STACK_FAILED;
        }
    }

    private static OptionalDouble pgbench(BenchStack stack, BenchSettings settings, PrintStream out) throws IOException {
        if (settings.pgbenchSeconds() == 0) {
            out.println("pgbench: skipped (--pgbench-seconds 0)");
            return OptionalDouble.empty();
        }
        var binary = stack.postgres.pgbench();
        if (binary.isEmpty()) {
            out.println("pgbench: not installed (apt-get install postgresql-client); no ratio");
            return OptionalDouble.empty();
        }
        out.printf("pgbench: TPC-B-like, scale 10, %d clients, %d s, on the same PostgreSQL ...%n", settings.pgbenchClients(),
                settings.pgbenchSeconds());
        OptionalDouble tps = Pgbench.run(stack.postgres, binary.get(), settings.pgbenchClients(), settings.pgbenchSeconds(),
                settings.workDir().resolve("pgbench.log"));
        tps.ifPresent(t -> out.printf("pgbench: %.0f tps%n", t));
        return tps;
    }
}
