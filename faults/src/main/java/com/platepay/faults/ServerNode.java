package com.platepay.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The PlatePay server as its own process from the packaged jar, configured as README "Configuration" says. It can
 * be killed with SIGKILL (no shutdown hook runs: in-flight charges stay where they were) and started again.
 */
public final class ServerNode implements AutoCloseable {
    /** Generous: on a loaded 2-core machine the first start (migrations + seeding) has taken over three minutes. */
    public static final Duration FIRST_START_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration RESTART_TIMEOUT = Duration.ofMinutes(5);

    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    ServerNode(Path jar, Map<String, String> env, Map<String, String> properties, Path log, int httpPort) throws IOException {
        this(jar, List.of("-Xmx512m", "-XX:+UseSerialGC"), env, properties, log, httpPort);
    }

    /** @param jvmOptions heap and collector flags, e.g. {@code -Xmx512m} */
    public ServerNode(Path jar, List<String> jvmOptions, Map<String, String> env, Map<String, String> properties, Path log,
                      int httpPort) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the server's packaged jar is missing: " + jar.toAbsolutePath()
                    + " (build it: ./mvnw -pl server -am package -DskipTests)");
        }
        List<String> cmd = new ArrayList<>(List.of(javaBinary()));
        cmd.addAll(jvmOptions);
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        this.command = List.copyOf(cmd);
        this.env = Map.copyOf(env);
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts the process and waits until /q/health/ready says UP (database and MQTT gateway included). */
    public void start(Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        process = pb.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with code " + process.exitValue() + " while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the server was not ready within " + timeout.toSeconds() + " s; see " + log);
            }
            Sleep.millis(200);
        }
    }

    public boolean ready() {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Sleep.SuiteAborted("interrupted");
        }
    }

    /** SIGKILL: Process.destroyForcibly sends SIGKILL on Linux. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
