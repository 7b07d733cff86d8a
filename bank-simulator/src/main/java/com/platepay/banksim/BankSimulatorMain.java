package com.platepay.banksim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code java -jar bank-simulator.jar [--port 8089] [--host 127.0.0.1] [--state FILE] [--port-file FILE] [--fleet-accounts PREFIX]} */
public final class BankSimulatorMain {
    static final String USAGE = """
            Usage: bank-simulator [--port 8089] [--host 127.0.0.1] [--state FILE] [--port-file FILE] [--fleet-accounts PREFIX]

            The PlatePay simulated acquiring bank: card accounts, idempotent debits, reversals, fault injection.

              --port N          port to listen on (default 8089; 0 picks a free port)
              --host ADDR       address to bind (default 127.0.0.1)
              --state FILE      keep accounts, balances, debits and reversals in FILE (a JSON snapshot)
                                plus FILE.journal (every change, fsync'd before it is answered);
                                both loaded at start; without it, memory only
              --port-file FILE  once listening, write the bound port to FILE
              --fleet-accounts PREFIX
                                for benchmarks: a debit of an unknown card number starting with PREFIX first
                                opens its account, with CNY 1,000,000.00 (./platepay bench's 10^6-card fleets)
              --help            this text

            API and fault modes: bank-simulator/README.md
            """;

    /** CNY 1,000,000.00 per fleet card: a benchmark never runs one dry. */
    static final long FLEET_BALANCE = 100_000_000L;

    private BankSimulatorMain() {
    }

    record Args(int port, String host, Path state, Path portFile, String fleetPrefix) {
    }

    public static void main(String[] argv) {
        Args args;
        try {
            args = parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("bank-simulator: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (args == null) {
            System.out.print(USAGE);
            return;
        }
        // The JDK HttpServer leaves Nagle on: a small answer then waits ~40 ms for the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        PrintStream log = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BankSimulatorServer server;
        try {
            server = BankSimulatorServer.start(new BankSimulatorServer.Options(args.host(), args.port(), args.state(), log,
                    args.fleetPrefix(), FLEET_BALANCE));
            if (args.portFile() != null) {
                writeAtomically(args.portFile(), Integer.toString(server.port()));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("bank-simulator: could not start: " + e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            log.println("bank-simulator stopped");
        }, "bank-shutdown"));
        log.println("bank-simulator listening on " + server.baseUrl()
                + (args.state() != null ? " (state " + args.state().toAbsolutePath() + ")" : " (in memory)"));
    }

    /** Null for --help. */
    static Args parse(String[] argv) {
        int port = 8089;
        String host = "127.0.0.1";
        Path state = null;
        Path portFile = null;
        String fleetPrefix = null;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--port", "--host", "--state", "--port-file", "--fleet-accounts" -> {
                    if (value == null) {
                        if (i + 1 >= argv.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = argv[++i];
                    }
                    switch (arg) {
                        case "--port" -> port = parsePort(value);
                        case "--host" -> host = value;
                        case "--state" -> state = Path.of(value);
                        case "--fleet-accounts" -> fleetPrefix = requireDigits(value);
                        default -> portFile = Path.of(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Args(port, host, state, portFile, fleetPrefix);
    }

    private static String requireDigits(String prefix) {
        if (!prefix.matches("[0-9]{6,12}")) {
            throw new IllegalArgumentException("--fleet-accounts takes 6 to 12 digits of a card number");
        }
        return prefix;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new IllegalArgumentException("--port must be 0 to 65535");
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
