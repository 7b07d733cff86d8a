package com.platepay.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

/** The PostgreSQL a run measures against: the bench's own, or a running stack's (--db-url). */
interface BenchDatabase {
    String host();

    int port();

    String user();

    String password();

    /** A connection to the application's database. */
    Connection connect() throws SQLException;

    /** A pgbench binary to run against it, if any is installed. */
    default Optional<Path> pgbench() {
        try (Stream<Path> versions = Files.isDirectory(Path.of("/usr/lib/postgresql")) ? Files.list(Path.of("/usr/lib/postgresql"))
                : Stream.empty()) {
            return Stream.concat(versions.map(v -> v.resolve("bin/pgbench")).sorted(java.util.Comparator.reverseOrder()),
                    Stream.of(Path.of("/usr/bin/pgbench"))).filter(Files::isExecutable).findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** fsync, synchronous_commit and full_page_writes as the server reports them (any role may read them). */
    default Durability durability() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return new Durability(show(s, "fsync"), show(s, "synchronous_commit"), show(s, "full_page_writes"));
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet r = s.executeQuery("show " + setting)) {
            r.next();
            return r.getString(1);
        }
    }

    record Durability(String fsync, String synchronousCommit, String fullPageWrites) {
        boolean durable() {
            return "on".equals(fsync) && !"off".equals(synchronousCommit) && !"local".equals(synchronousCommit);
        }

        @Override
        public String toString() {
            return "fsync=" + fsync + ", synchronous_commit=" + synchronousCommit + ", full_page_writes=" + fullPageWrites;
        }
    }
}
