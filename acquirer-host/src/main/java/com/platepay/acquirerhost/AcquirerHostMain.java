package com.platepay.acquirerhost;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code java -jar acquirer-host.jar [--iso-port 8583] [--admin-port 8590] [--host 127.0.0.1] [--state FILE] [--port-file FILE]} */
public final class AcquirerHostMain {
    static final String USAGE = """
            Usage: acquirer-host [--iso-port 8583] [--admin-port 8590] [--host 127.0.0.1] [--state FILE] [--port-file FILE]

            The PlatePay simulated ISO 8583 acquirer host (jPOS): purchases, holds, completions, voids,
            reversal advices, echo; accounts, idempotency and fault injection through the admin API.

              --iso-port N      ISO 8583 port (NACChannel framing; default 8583; 0 picks a free port)
              --admin-port N    admin HTTP port (accounts, faults; default 8590; 0 picks a free port)
              --host ADDR       address to bind both (default 127.0.0.1)
              --state FILE      keep accounts, transactions and tombstones in FILE (JSON); memory only without
              --port-file FILE  once listening, write "<iso port> <admin port>" to FILE
              --help            this text

            Messages, fields and the admin API: acquirer-host/README.md
            """;
    private static final Set<String> OPTIONS = Set.of("--iso-port", "--admin-port", "--host", "--state", "--port-file");

    private AcquirerHostMain() {
    }

    public static void main(String[] argv) {
        Map<String, String> args;
        try {
            args = parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("acquirer-host: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (args == null) {
            System.out.print(USAGE);
            return;
        }
        // The JDK HttpServer leaves Nagle on, which holds small admin answers back ~40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        PrintStream log = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path state = args.containsKey("--state") ? Path.of(args.get("--state")) : null;
        AcquirerHost host;
        try {
            host = AcquirerHost.start(new AcquirerHost.Options(args.getOrDefault("--host", "127.0.0.1"),
                    port(args.getOrDefault("--iso-port", "8583")), port(args.getOrDefault("--admin-port", "8590")), state, log));
            if (args.containsKey("--port-file")) {
                writeAtomically(Path.of(args.get("--port-file")), host.isoPort() + " " + host.adminPort());
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("acquirer-host: could not start: " + e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            log.println("acquirer-host stopped");
        }, "host-shutdown"));
        log.println("acquirer-host listening: ISO 8583 on " + host.isoPort() + ", admin on " + host.adminPort()
                + (state != null ? " (state " + state.toAbsolutePath() + ")" : " (in memory)"));
    }

    /** Null for --help. */
    static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (!OPTIONS.contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (value == null) {
                if (i + 1 >= argv.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = argv[++i];
            }
            args.put(arg, value);
        }
        return args;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new IllegalArgumentException("a port is 0 to 65535: " + value);
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
