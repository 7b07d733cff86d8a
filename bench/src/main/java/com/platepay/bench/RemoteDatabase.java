package com.platepay.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A running stack's PostgreSQL, named by {@code --db-url postgresql://host:port/database} and a role. */
record RemoteDatabase(String host, int port, String database, String user, String password) implements BenchDatabase {

    /** {@code postgresql://host[:5432]/database}, with or without a leading {@code jdbc:}. */
    static RemoteDatabase parse(String url, String user, String password) {
        URI u = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
        if (!"postgresql".equals(u.getScheme()) || u.getHost() == null || u.getPath() == null || u.getPath().length() < 2) {
            throw new IllegalArgumentException("--db-url must be postgresql://host:port/database, got " + url);
        }
        return new RemoteDatabase(u.getHost(), u.getPort() > 0 ? u.getPort() : 5432, u.getPath().substring(1), user, password);
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
    }
}
