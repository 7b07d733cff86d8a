package com.platepay.faults;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platepay faults run}: exit 0 when every invariant holds, 1 when one breaks, 2 on bad usage, 3 when the stack fails. */
@Command(name = "faults", mixinStandardHelpOptions = true, subcommands = FaultsCli.Run.class,
        description = "PlatePay's fault suite (see README \"Fault suite\").")
public final class FaultsCli {
    static final int HOLDS = 0;
    static final int BROKEN = 1;
    static final int USAGE = 2;
    static final int STACK_FAILED = 3;

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new FaultsCli()).execute(args));
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = {
            "Starts its own stack on free ports (embedded PostgreSQL, the acquirer, Mosquitto",
            "when installed, the server from server/target/quarkus-app), seeds a fleet, and",
            "sends charges, fills and offline vouchers from simulated handhelds while it",
            "injects faults in turn; then waits for the janitor and checks the exactly-once",
            "invariants (charges, holds, vouchers, bank, ledger, caps).",
            "Prints a progress line every 5 s and a verdict table; exits 1 when an invariant",
            "breaks."})
    static final class Run implements Callable<Integer> {
        @Option(names = "--charges", defaultValue = "10000", description = "charges to send (default ${DEFAULT-VALUE})")
        int charges;
        @Option(names = "--handhelds", defaultValue = "20", description = "simulated handhelds, one charge at a time each (default ${DEFAULT-VALUE})")
        int handhelds;
        @Option(names = "--plates", description = "enrolled plates (default: charges / 25, at least 40)")
        Integer plates;
        @Option(names = "--shared-cards", defaultValue = "true", negatable = true, fallbackValue = "true",
                description = "seed drivers with two plates on one card and cards bound by two drivers (default ${DEFAULT-VALUE})")
        boolean sharedCards;
        @Option(names = "--faults", defaultValue = "kill,broker,postgres,bank,duplicates,reversals,spelling,replica", split = ",",
                description = "faults to inject, in this order during the run (default ${DEFAULT-VALUE})")
        String[] faults;
        @Option(names = "--broker", defaultValue = "auto", description = "auto (Mosquitto when /usr/sbin/mosquitto exists), embedded or mosquitto")
        String broker;
        @Option(names = "--replicas", defaultValue = "1",
                description = "server replicas on one database and one Mosquitto (shared subscription); with 2 or more, the fault "
                        + "'replica' kills the last one for good halfway through (default ${DEFAULT-VALUE})")
        int replicas;
        @Option(names = "--acquirer", defaultValue = "http",
                description = "http (the simulated HTTP bank) or iso8583 (the jPOS host, over the ISO 8583 adapter) (default ${DEFAULT-VALUE})")
        String acquirer;
        @Option(names = "--fills", defaultValue = "0.2",
                description = "share of the charges that are fills: a cylinder-check whose hold at the bank (or the ISO 8583 "
                        + "host) the charge completes (0 for none) (default ${DEFAULT-VALUE})")
        double fills;
        @Option(names = "--vouchers", defaultValue = "0.05",
                description = "share of the charges filled offline: a quarter of the handhelds (more if needed) cut their "
                        + "connection for stretches, issue signed counter-numbered vouchers from their station's allow-list, "
                        + "and upload them on reconnecting, some twice, some across a server SIGKILL, with a device clock "
                        + "jump halfway (0 for none, at most 0.8) (default ${DEFAULT-VALUE})")
        double vouchers;
        @Option(names = "--seed", defaultValue = "9", description = "seed of the load plan (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--work-dir", description = "where the stack keeps its data and logs (default target/fault-suite under the project)")
        Path workDir;
        @Option(names = "--janitor-bound", defaultValue = "180", description = "seconds to wait for the janitor after the load (default ${DEFAULT-VALUE})")
        long janitorBound;
        @Option(names = "--max-minutes", defaultValue = "45", description = "the load stops after this long whatever is left (default ${DEFAULT-VALUE})")
        long maxMinutes;

        @Override
        public Integer call() throws Exception {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            Path home = Path.of(System.getenv().getOrDefault("PLATEPAY_HOME", ".")).toAbsolutePath().normalize();
            Path work = workDir != null ? workDir : home.resolve("faults/target/fault-suite");
            Path fresh;
            try {
                fresh = fresh(work);
            } catch (java.io.IOException e) {
                out.println("faults: " + e.getMessage());
                return USAGE;
            }
            Acquirer chosen;
            try {
                chosen = Acquirer.of(acquirer, home);
            } catch (IllegalArgumentException e) {
                out.println("faults: " + e.getMessage());
                return USAGE;
            }
            SuiteConfig config;
            try {
                config = new SuiteConfig(charges, handhelds, plates != null ? plates : SuiteConfig.defaultPlates(charges), sharedCards, seed,
                    fresh, home.resolve("server/target/quarkus-app/quarkus-run.jar"),
                    chosen, BrokerMode.valueOf(broker.toUpperCase()), replicas,
                    parseFaults(faults), Duration.ofSeconds(3), Duration.ofMinutes(3), Duration.ofSeconds(janitorBound),
                    Duration.ofMinutes(maxMinutes), 0.10, 0.05, 0.02, fills, vouchers);
            } catch (IllegalArgumentException e) {
                out.println("faults: " + e.getMessage());
                return USAGE;
            }
            FaultSuite.Outcome outcome;
            try {
                outcome = new FaultSuite(config, out).run();
            } catch (Exception e) {
                out.println("faults: the stack failed: " + e.getMessage());
                e.printStackTrace(out);
                return STACK_FAILED;
            }
            Report.print(outcome, config, out);
            return outcome.allHold() ? HOLDS : BROKEN;
        }
    }

    static Set<FaultKind> parseFaults(String[] flags) {
        if (flags.length == 1 && flags[0].equalsIgnoreCase("none")) {
            return EnumSet.noneOf(FaultKind.class);
        }
        return Arrays.stream(flags).map(FaultKind::ofFlag).collect(Collectors.toCollection(() -> EnumSet.noneOf(FaultKind.class)));
    }

    /** Marks a folder as a run's own, so that only such a folder is ever emptied. */
    static final String MARKER = ".platepay-fault-suite";

    /**
     * A run always starts from an empty folder: the database, the bank and the fleet are the run's own. A folder
     * with files in it is emptied only when an earlier run made it (it holds the marker).
     */
    static Path fresh(Path dir) throws java.io.IOException {
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (var entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                throw new java.io.IOException(dir + " is not empty and was not made by the fault suite; choose another --work-dir");
            }
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "made by ./platepay faults run; emptied at the start of every run\n");
        return dir;
    }
}
