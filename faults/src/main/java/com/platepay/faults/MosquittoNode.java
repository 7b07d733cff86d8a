package com.platepay.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto as an external broker the suite can restart on its own (as ExternalMosquittoStack runs it in
 * the server's tests). Anonymous: the server still checks every message's signature.
 */
final class MosquittoNode implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path conf;
    private final Path log;
    private final int port;
    private Process process;

    private MosquittoNode(Path conf, Path log, int port) {
        this.conf = conf;
        this.log = log;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static MosquittoNode start(Path workDir) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve("mosquitto"));
        // Mosquitto drops root for the mosquitto user, which must still read its config.
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        int port = Ports.free();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "max_queued_messages 10000\n");
        conf.toFile().setReadable(true, false);
        MosquittoNode node = new MosquittoNode(conf, dir.resolve("mosquitto.log"), port);
        node.startProcess();
        return node;
    }

    private void startProcess() throws IOException {
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Ports.awaitListening(port, Duration.ofSeconds(10), process, "mosquitto");
    }

    /** SIGTERM, then a fresh broker on the same port: every session and in-flight message is gone. */
    void restart() throws IOException {
        stop();
        startProcess();
    }

    int port() {
        return port;
    }

    private void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
