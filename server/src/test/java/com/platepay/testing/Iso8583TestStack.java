package com.platepay.testing;

import com.platepay.acquirerhost.AcquirerHostProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@link TestStack} with the server on the ISO 8583 acquirer port: the simulated jPOS host runs as its own process,
 * and {@code platepay.bank.url} points at the host's back office, which opens accounts and reads balances on the
 * same paths as the HTTP bank, so {@link Bank} and {@link Scenario} work unchanged.
 */
public class Iso8583TestStack extends TestStack {
    private AcquirerHostProcess host;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        try {
            Path work = Files.createDirectories(Path.of("target", "test-stack", "iso8583").toAbsolutePath());
            host = AcquirerHostProcess.start(hostJar(), work.resolve("host"));
            config.put("platepay.bank.acquirer", "iso8583");
            config.put("platepay.bank.iso8583.port", String.valueOf(host.isoPort()));
            // A fresh folder per run: the STAN counter and sent-message log belong to this host's books.
            config.put("platepay.bank.iso8583.state-dir", Files.createTempDirectory(work, "adapter").toString());
            config.put("platepay.bank.url", host.adminUrl());
            System.setProperty("test.bank-url", host.adminUrl());
            return config;
        } catch (IOException e) {
            throw new IllegalStateException("the acquirer host did not start", e);
        }
    }

    @Override
    public void stop() {
        if (host != null) {
            host.close();
        }
        super.stop();
    }

    private static Path hostJar() {
        String configured = System.getProperty("acquirer-host.jar");
        return configured != null ? Path.of(configured) : Path.of("..", "acquirer-host", "target", "acquirer-host.jar");
    }
}
