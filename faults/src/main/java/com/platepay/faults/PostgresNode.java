package com.platepay.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The embedded PostgreSQL the tests use (zonky), on a fixed port with its data in a folder, so it can be stopped
 * and started again under the running server: that is the "PostgreSQL restarted" fault.
 */
final class PostgresNode implements AutoCloseable {
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final String DATABASE = "postgres";

    private final Path data;
    private final Path binaries;
    private final int port;
    private EmbeddedPostgres pg;

    private PostgresNode(Path data, Path binaries, int port) {
        this.data = data;
        this.binaries = binaries;
        this.port = port;
    }

    static PostgresNode start(Path workDir) throws IOException {
        PostgresNode node = new PostgresNode(Files.createDirectories(workDir.resolve("pgdata")),
                Files.createDirectories(workDir.resolve("pg-binaries")), Ports.free());
        node.startProcess();
        return node;
    }

    private void startProcess() throws IOException {
        pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(port)
                .setRegisterShutdownHook(true)
                .start();
    }

    /** A fast shutdown (open connections are cut, as in a crash of the database host's service) and a start. */
    void restart() throws IOException {
        stop();
        startProcess();
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    private void stop() throws IOException {
        if (pg != null) {
            pg.close();
            pg = null;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IOException ignored) {
            // the suite is ending; the data folder is the suite's own
        }
    }
}
