package com.platepay.faults;

import java.nio.file.Path;

/** Which acquirer the run's server talks to, and the jar that simulates it. */
record Acquirer(Kind kind, Path jar) {

    enum Kind {
        /** The HTTP/JSON simulated bank. */
        HTTP,
        /** The jPOS acquirer host, over ISO 8583 (the server's {@code platepay.bank.acquirer=iso8583}). */
        ISO8583
    }

    static Acquirer of(String flag, Path home) {
        return switch (flag.strip().toLowerCase()) {
            case "http" -> new Acquirer(Kind.HTTP, home.resolve("bank-simulator/target/bank-simulator.jar"));
            case "iso8583" -> new Acquirer(Kind.ISO8583, home.resolve("acquirer-host/target/acquirer-host.jar"));
            default -> throw new IllegalArgumentException("unknown acquirer '" + flag + "'; known: http, iso8583");
        };
    }
}
