package com.platepay.acquirerhost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated acquirer host as a child process, for tests:
 * <pre>{@code
 * try (AcquirerHostProcess host = AcquirerHostProcess.start(Path.of("../acquirer-host/target/acquirer-host.jar"), workDir)) {
 *     host.isoPort();    // ISO 8583
 *     host.adminUrl();   // http://127.0.0.1:<port>: accounts, faults
 * }
 * }</pre>
 * Its output goes to {@code <workDir>/acquirer-host.log}.
 */
public final class AcquirerHostProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int isoPort;
    private final int adminPort;
    private final Path log;

    private AcquirerHostProcess(Process process, int isoPort, int adminPort, Path log) {
        this.process = process;
        this.isoPort = isoPort;
        this.adminPort = adminPort;
        this.log = log;
    }

    /** @param extraArgs more options, e.g. {@code List.of("--state", file.toString())} */
    public static AcquirerHostProcess start(Path jar, Path workDir, List<String> extraArgs) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the acquirer host jar is missing: " + jar.toAbsolutePath());
        }
        Files.createDirectories(workDir);
        Path portFile = workDir.resolve("acquirer-host.ports").toAbsolutePath();
        Path log = workDir.resolve("acquirer-host.log").toAbsolutePath();
        Files.deleteIfExists(portFile);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(),
                "--iso-port", "0", "--admin-port", "0", "--port-file", portFile.toString()));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        try {
            int[] ports = awaitReady(process, portFile, log);
            return new AcquirerHostProcess(process, ports[0], ports[1], log);
        } catch (IOException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    public static AcquirerHostProcess start(Path jar, Path workDir) throws IOException {
        return start(jar, workDir, List.of());
    }

    private static int[] awaitReady(Process process, Path portFile, Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the acquirer host exited with code " + process.exitValue() + " while starting:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            int[] ports = readPorts(portFile);
            if (ports != null && healthy(client, ports[1])) {
                return ports;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the acquirer host", e);
            }
        }
        throw new IOException("the acquirer host did not start within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private static int[] readPorts(Path portFile) {
        try {
            String[] parts = Files.readString(portFile, StandardCharsets.UTF_8).trim().split(" ");
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean healthy(HttpClient client, int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int isoPort() {
        return isoPort;
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    public Path logFile() {
        return log;
    }

    /** SIGKILL: no shutdown hook, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
