package com.platepay.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

/**
 * The demo's PostgreSQL when the machine has none installed: the embedded PostgreSQL the tests use, with its
 * data kept in a folder so it survives restarts. Usage: EmbeddedPostgresLauncher DATA_DIR PORT PASSWORD_FILE.
 * Stops on SIGTERM.
 *
 * <p>Password authentication (scram-sha-256) for every connection. The embedded PostgreSQL's initdb trusts local
 * connections, so on the very first start (an empty cluster) the launcher sets a superuser password (kept 0600
 * beside the data folder), creates the app role {@code platepay} with the password in PASSWORD_FILE, replaces
 * pg_hba.conf with scram-only rules and reloads, all before it says it is ready; from then on the rules are written
 * again before every start. The app role's password follows PASSWORD_FILE at each start.
 */
public final class EmbeddedPostgresLauncher {

    private static final String HBA = """
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    private static final String SECURED = "platepay-scram";

    private EmbeddedPostgresLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EmbeddedPostgresLauncher DATA_DIR PORT PASSWORD_FILE");
            System.exit(2);
        }
        Path data = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        String appPassword = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();
        if (appPassword.isEmpty()) {
            throw new IllegalArgumentException("the password file " + args[2] + " is empty");
        }
        Path superuserFile = data.resolveSibling(data.getFileName() + ".superuser-password");
        boolean secured = Files.exists(data.resolve(SECURED)) && Files.exists(superuserFile);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (secured) {
            // The launcher waits for the server by signing in: from the second start on, with the superuser's password.
            builder.setConnectConfig("password", Files.readString(superuserFile, StandardCharsets.UTF_8).strip());
        }
        EmbeddedPostgres pg = builder
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(data.resolveSibling("pg-binaries")).toFile())
                .setPort(Integer.parseInt(args[1]))
                .setServerConfig("password_encryption", "scram-sha-256")
                .setDataDirectoryCustomizer(dir -> {
                    if (secured) {
                        writeHba(dir.toPath());
                    }
                })
                .start();
        if (!secured) {
            String superuser = randomPassword();
            writePrivately(superuserFile, superuser + "\n");
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("alter role postgres password " + literal(superuser));
                appRole(s, appPassword);
                writeHba(data);
                s.execute("select pg_reload_conf()");
            }
            Files.createFile(data.resolve(SECURED));
        } else {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                appRole(s, appPassword);
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // exiting anyway
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + pg.getPort() + " (scram-sha-256)");
        stopped.await();
    }

    /** The app role and its database, with the password of the file (created, or brought in line with it). */
    private static void appRole(Statement s, String password) throws SQLException {
        s.execute("set password_encryption = 'scram-sha-256'");
        try (ResultSet role = s.executeQuery("select 1 from pg_roles where rolname = 'platepay'")) {
            if (!role.next()) {
                s.execute("create role platepay login password " + literal(password));
                s.execute("create database platepay owner platepay");
                return;
            }
        }
        s.execute("alter role platepay password " + literal(password));
    }

    private static void writeHba(Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePrivately(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
