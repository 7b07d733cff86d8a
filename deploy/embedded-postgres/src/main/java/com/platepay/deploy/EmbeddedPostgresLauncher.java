package com.platepay.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The demo's PostgreSQL when the machine has none installed: the embedded PostgreSQL the tests use, with its
 * data kept in a folder so it survives restarts. Usage: EmbeddedPostgresLauncher DATA_DIR PORT. Stops on SIGTERM.
 */
public final class EmbeddedPostgresLauncher {

    private EmbeddedPostgresLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedPostgresLauncher DATA_DIR PORT");
            System.exit(2);
        }
        Path data = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(data.resolveSibling("pg-binaries")).toFile())
                .setPort(Integer.parseInt(args[1]))
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet role = s.executeQuery("select 1 from pg_roles where rolname = 'platepay'")) {
                if (!role.next()) {
                    s.execute("create role platepay login password 'platepay'");
                    s.execute("create database platepay owner platepay");
                }
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
        System.out.println("embedded PostgreSQL ready on 127.0.0.1:" + pg.getPort());
        stopped.await();
    }
}
