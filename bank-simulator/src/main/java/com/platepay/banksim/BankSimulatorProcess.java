package com.platepay.banksim;

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
 * The simulated bank as a child process, for other modules' tests:
 * <pre>{@code
 * try (BankSimulatorProcess bank = BankSimulatorProcess.start(Path.of("../bank-simulator/target/bank-simulator.jar"), workDir)) {
 *     String url = bank.baseUrl();   // http://127.0.0.1:<port>
 * }
 * }</pre>
 * Its output goes to {@code <workDir>/bank-simulator.log}.
 */
public final class BankSimulatorProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private BankSimulatorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static BankSimulatorProcess start(Path jar, Path workDir) throws IOException {
        return start(jar, workDir, List.of());
    }

    /** @param extraArgs more command-line options, e.g. {@code List.of("--state", file.toString())} */
    public static BankSimulatorProcess start(Path jar, Path workDir, List<String> extraArgs) throws IOException {
        // Small and quick to start: what tests and the demo want.
        return start(jar, workDir, List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), extraArgs);
    }

    /** @param jvmOptions heap, collector and compiler flags (a benchmark wants the optimising compiler) */
    public static BankSimulatorProcess start(Path jar, Path workDir, List<String> jvmOptions, List<String> extraArgs)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the bank simulator jar is missing: " + jar.toAbsolutePath());
        }
        Files.createDirectories(workDir);
        Path portFile = workDir.resolve("bank.port").toAbsolutePath();
        Path log = workDir.resolve("bank-simulator.log").toAbsolutePath();
        Files.deleteIfExists(portFile);

        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dsun.net.httpserver.nodelay=true", "-jar", jar.toAbsolutePath().toString(),
                "--port", "0", "--port-file", portFile.toString()));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        try {
            int port = awaitReady(process, portFile, log);
            return new BankSimulatorProcess(process, port, log);
        } catch (IOException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    private static int awaitReady(Process process, Path portFile, Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the bank simulator exited with code " + process.exitValue()
                        + " while starting; last lines of " + log + ":\n" + tail(log));
            }
            Integer port = readPort(portFile);
            if (port != null && healthy(client, port)) {
                return port;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the bank simulator", e);
            }
        }
        throw new IOException("the bank simulator did not answer /health within " + START_TIMEOUT.toSeconds()
                + " s; last lines of " + log + ":\n" + tail(log));
    }

    private static Integer readPort(Path portFile) {
        try {
            String text = Files.readString(portFile, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? null : Integer.valueOf(text);
        } catch (IOException | NumberFormatException e) {
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

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the bank at once (SIGKILL): no shutdown hook, no last snapshot, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the bank (SIGTERM, so it shuts down cleanly; killed after 10 s) and waits for it to end. */
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
