package com.platepay.keycloak;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The demo's Keycloak launcher.
 * <pre>
 * start --dist PATH --dir DIR [--port 8180] [--app-origin URL] [--demo-users]   run Keycloak in the foreground (Ctrl-C stops it)
 * token --dir DIR --user NAME                                 print an access token for a demo user
 * </pre>
 * Exit codes: 0 ok, 2 bad arguments, 3 Keycloak unreachable, failed to start or refused the login.
 */
public final class KeycloakMain {
    static final String ENV_FILE = "keycloak.env";
    static final String SERVER_CLIENT = "platepay-server";
    static final String AUTOMATION_CLIENT = "platepay-automation";
    /** The public clients a web page signs in with; they need the page's origin for CORS. */
    static final List<String> BROWSER_CLIENTS = List.of("platepay-driver-app", "platepay-operator-console");

    private static final String START_USAGE = """
            usage: KeycloakMain start --dist PATH --dir DIR [--port 8180] [--app-origin URL] [--demo-users]
              Starts Keycloak with the platepay realm in the foreground until Ctrl-C or SIGTERM.
              --dist        keycloak-quarkus-dist zip (deploy/keycloak/target/keycloak-dist/keycloak-quarkus-dist.zip)
                            or an unpacked distribution
              --dir         work dir: Keycloak's own home, data and log live here and are kept between starts
              --port        HTTP port on 127.0.0.1 (default 8180; 0 = any free port)
              --app-origin  origin of the sign-in web page (e.g. http://localhost:8080), allowed for CORS
                            on the browser clients
              --demo-users  create users driver, operator, attendant, admin (role = name) with random passwords
                            kept in DIR/demo-users.properties, and the password-grant client platepay-demo-cli
              Writes DIR/keycloak.env (OIDC_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, AUTOMATION_CLIENT_SECRET),
              then prints "keycloak ready <realm url>".""";
    private static final String TOKEN_USAGE = """
            usage: KeycloakMain token --dir DIR --user NAME
              Prints an access token for demo user NAME (password grant through platepay-demo-cli).
              Needs a Keycloak started with: start --dir DIR --demo-users""";

    private KeycloakMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
            System.out.println(START_USAGE + "\n\n" + TOKEN_USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        String usage = command.equals("start") ? START_USAGE : command.equals("token") ? TOKEN_USAGE : null;
        if (usage == null) {
            System.err.println("unknown command: " + command + "\n" + START_USAGE + "\n\n" + TOKEN_USAGE);
            return 2;
        }
        Map<String, String> options;
        try {
            options = parseOptions(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage);
            return 2;
        }
        if (options.containsKey("--help")) {
            System.out.println(usage);
            return 0;
        }
        try {
            return command.equals("start") ? start(options) : token(options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage);
            return 2;
        } catch (IOException | KeycloakException e) {
            System.err.println("keycloak: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
    }

    private static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--help", "--demo-users" -> options.put(name, "true");
                case "--dist", "--dir", "--port", "--user", "--app-origin" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value for " + name);
                    }
                    options.put(name, args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option: " + name);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static int start(Map<String, String> options) throws IOException, InterruptedException {
        Path dist = Path.of(required(options, "--dist"));
        Path dir = Path.of(required(options, "--dir")).toAbsolutePath();
        int port = parsePort(options.getOrDefault("--port", "8180"));
        KeycloakProcess keycloak = KeycloakProcess.start(dist, dir, port);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            keycloak.close();
        }, "keycloak-stop"));
        KeycloakAdmin admin = keycloak.admin();
        PrivateFiles.write(dir.resolve(ENV_FILE), String.join("\n",
                "OIDC_URL=" + keycloak.realmUrl(),
                "OIDC_CLIENT_ID=" + SERVER_CLIENT,
                "OIDC_CLIENT_SECRET=" + admin.clientSecret(SERVER_CLIENT),
                "AUTOMATION_CLIENT_SECRET=" + admin.clientSecret(AUTOMATION_CLIENT), ""));
        if (options.containsKey("--app-origin")) {
            for (String client : BROWSER_CLIENTS) {
                admin.allowWebOrigin(client, options.get("--app-origin"));
            }
        }
        if (options.containsKey("--demo-users")) {
            DemoUsers.ensure(admin, dir);
        }
        System.out.println("keycloak ready " + keycloak.realmUrl());
        System.out.flush();
        int exit = keycloak.waitFor();
        if (stopping.get()) {
            return 0;   // Ctrl-C or SIGTERM: the shutdown hook stopped Keycloak
        }
        System.err.println("keycloak: exited unexpectedly with code " + exit + "; see " + keycloak.logFile());
        return 3;
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be 0..65535: " + text);
        }
    }

    private static int token(Map<String, String> options) throws IOException {
        Path dir = Path.of(required(options, "--dir"));
        String user = required(options, "--user");
        Properties env = load(dir.resolve(ENV_FILE), "start Keycloak first: start --dir " + dir + " --demo-users");
        String password = DemoUsers.loadPasswords(dir).getProperty(user);
        if (password == null) {
            throw new IllegalArgumentException("no demo user " + user + " in " + dir.resolve(DemoUsers.FILE)
                    + " (demo users: " + String.join(", ", DemoUsers.NAMES) + ")");
        }
        System.out.println(new OidcTokens(env.getProperty("OIDC_URL")).passwordGrant(DemoUsers.CLI_CLIENT, user, password));
        return 0;
    }

    private static Properties load(Path file, String hint) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing; " + hint);
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
