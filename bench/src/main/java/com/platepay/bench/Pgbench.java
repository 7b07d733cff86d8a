package com.platepay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own TPC-B-like benchmark on the same server, in a database of its own, so the charge rate can be
 * read against what this machine's PostgreSQL commits. Five statements and one durable commit per transaction.
 */
final class Pgbench {
    static final String DATABASE = "pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private Pgbench() {
    }

    /** Transactions per second, or empty with the reason printed when it could not run. */
    static OptionalDouble run(BenchDatabase pg, Path pgbench, int clients, int seconds, Path log) throws IOException {
        try (Connection c = pg.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!r.next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (java.sql.SQLException e) {
            throw new IOException("could not create the pgbench database: " + e.getMessage(), e);
        }
        exec(pg, List.of(pgbench.toString(), "-i", "-q", "-s", "10", DATABASE), log, 600);
        String output = exec(pg, List.of(pgbench.toString(), "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                "-M", "prepared", DATABASE), log, seconds + 120);
        return parseTps(output);
    }

    static OptionalDouble parseTps(String output) {
        Matcher m = TPS.matcher(output);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    private static String exec(BenchDatabase pg, List<String> args, Path log, long timeoutSeconds) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(args.subList(0, 1));
        cmd.addAll(List.of("-h", pg.host(), "-p", String.valueOf(pg.port()), "-U", pg.user()));
        cmd.addAll(args.subList(1, args.size()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", pg.password());
        Process p = pb.start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("pgbench did not finish in " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Files.writeString(log, String.join(" ", cmd) + "\n" + out + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        if (p.exitValue() != 0) {
            throw new IOException("pgbench failed (exit " + p.exitValue() + "); see " + log);
        }
        return out;
    }
}
