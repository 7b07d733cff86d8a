package com.platepay.bench;

import com.platepay.faults.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark's PostgreSQL, with commits durable ({@code fsync} and {@code synchronous_commit} on): the installed
 * server binaries when there are any (run as the {@code postgres} user when we are root), else the embedded one with
 * its durability switched back on. Its data folder is kept between runs, so a seeded fleet is reused.
 */
final class DurablePostgres implements BenchDatabase, AutoCloseable {
    static final String USER = "platepay";
    static final String DATABASE = "platepay";

    private final Path dir;
    private final int port;
    private final String password;
    private final Path installedBin;
    private EmbeddedPostgres embedded;

    private DurablePostgres(Path dir, int port, String password, Path installedBin) {
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.installedBin = installedBin;
    }

    static DurablePostgres start(Path dir, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        String password = SecretFile.readOrCreate(dir.resolve("password"), 18, HexFormat.of()::formatHex);
        Optional<Path> bin = installedBinaries();
        DurablePostgres pg = new DurablePostgres(dir, Ports.free(), password, bin.orElse(null));
        if (bin.isPresent()) {
            pg.startInstalled(out);
        } else {
            out.println("PostgreSQL: no installed server (apt-get install postgresql); using the embedded one with fsync on");
            pg.startEmbedded();
        }
        return pg;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return password;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, password);
    }

    String describe() {
        return installedBin != null ? "installed PostgreSQL (" + installedBin.getParent().getFileName() + ")" : "embedded PostgreSQL";
    }

    /** The installed pgbench, or none (the embedded distribution has none). */
    @Override
    public Optional<Path> pgbench() {
        if (installedBin != null && Files.isExecutable(installedBin.resolve("pgbench"))) {
            return Optional.of(installedBin.resolve("pgbench"));
        }
        return Stream.of(Path.of("/usr/bin/pgbench")).filter(Files::isExecutable).findFirst();
    }

    private static Optional<Path> installedBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
        }
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void startInstalled(PrintStream out) throws IOException {
        Path data = dir.resolve("pgdata");
        Path log = dir.resolve("postgres.log");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            Path pwfile = dir.resolve("password");
            Files.createDirectories(data);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
                run(List.of("chmod", "711", dir.getParent().toString()), false);
            }
            run(List.of(installedBin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=scram-sha-256",
                    "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C.UTF-8"), root);
        }
        // The stock settings, apart from the connections a benchmark needs; durability is the default and is asserted.
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data
                + " -c max_connections=200 -c fsync=on -c synchronous_commit=on -c full_page_writes=on";
        run(List.of(installedBin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "120",
                "-o", options, "start"), root);
        out.printf("PostgreSQL: %s on 127.0.0.1:%d, data %s%n", describe(), port, data);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, password);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!r.next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("could not prepare the benchmark database: " + e.getMessage(), e);
        }
    }

    private void startEmbedded() throws IOException {
        Path data = Files.createDirectories(dir.resolve("embedded-pgdata"));
        boolean fresh = !Files.isRegularFile(data.resolve("PG_VERSION"));
        embedded = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(Files.createDirectories(dir.resolve("embedded-binaries")).toFile())
                .setPort(port).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "200").start();
        if (fresh) {
            try (Connection c = embedded.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role " + USER + " login superuser password '" + password + "'");
                s.execute("create database " + DATABASE + " owner " + USER);
            } catch (SQLException e) {
                throw new IOException("could not prepare the benchmark database: " + e.getMessage(), e);
            }
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Path log = dir.resolve("setup.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            if (embedded != null) {
                embedded.close();
            } else if (installedBin != null) {
                run(List.of(installedBin.resolve("pg_ctl").toString(), "-D", dir.resolve("pgdata").toString(), "-m", "fast", "-w",
                        "stop"), "root".equals(System.getProperty("user.name")));
            }
        } catch (IOException ignored) {
            // best effort on the way out
        }
    }
}
