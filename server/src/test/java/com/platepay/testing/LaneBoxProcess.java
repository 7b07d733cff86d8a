package com.platepay.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real lane box, edge-agent's packaged jar, as its own process, started as {@code edge-agent/bin/edge-agent}
 * starts it. The server never links the lane box: a test talks to it only through its command line, its output
 * and the broker, as a lot's box would.
 */
public final class LaneBoxProcess {

    /** What a run printed: its exit code, its JSON events (stdout) and its lines for a person (stderr). */
    public record Run(int exitCode, List<JsonNode> events, String said) {
        public List<JsonNode> events(String kind) {
            return events.stream().filter(e -> kind.equals(e.path("event").asText())).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + said + events;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LaneBoxProcess() {
    }

    /** {@code edge-agent lane ...} */
    public static Run lane(Path work, Duration timeout, String... args) throws IOException, InterruptedException {
        return run(work, timeout, "com.platepay.edge.lane.LaneCli", args);
    }

    /** {@code edge-agent lane-images ...} */
    public static Run laneImages(Path work, Duration timeout, String... args) throws IOException, InterruptedException {
        return run(work, timeout, "com.platepay.edge.lane.CarImages", args);
    }

    private static Run run(Path work, Duration timeout, String main, String... args) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path out = Files.createTempFile(work, "stdout", ".jsonl");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");   // JavaCPP loads native libraries
        }
        Path target = target();
        command.addAll(List.of("-cp", jar(target) + ":" + target.resolve("lib") + "/*", main));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("PLATEPAY_HOME", work.toString());
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the lane box did not end within " + timeout + ":\n" + Files.readString(err));
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                events.add(JSON.readTree(line));
            }
        }
        return new Run(p.exitValue(), events, Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path target() {
        return Path.of(System.getProperty("edge-agent.target", "../edge-agent/target")).toAbsolutePath().normalize();
    }

    private static Path jar(Path target) throws IOException {
        if (!Files.isDirectory(target.resolve("lib"))) {
            throw new IllegalStateException("the lane box is not built at " + target + " (./mvnw -pl edge-agent -am package -DskipTests)");
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("edge-agent-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no edge-agent jar in " + target));
        }
    }
}
