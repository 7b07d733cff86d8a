package com.platepay.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose without Docker: Debian's docker-compose validates the file against the Compose schema and resolves
 * it ({@code config}, which needs no daemon; skipped with a message when it is not installed), and the rest is read
 * here: the services the issue asks for, secrets only from the env file, the dashboard's metrics.
 */
class ComposeFileTest {

    static final Path COMPOSE = Path.of("..", "compose");
    private static final ObjectMapper YAML = new YAMLMapper();

    @Test
    void dockerComposeAcceptsTheFileAndRefusesToStartWithoutTheSecrets() throws Exception {
        Optional<Path> tool = onPath("docker-compose");
        Assumptions.assumeTrue(tool.isPresent(), "docker-compose is not installed (apt-get install docker-compose; .ci/run does):"
                + " deploy/compose/compose.yaml was not checked against the Compose schema");
        Result ok = run(tool.get().toString(), "--env-file", ".env.example", "-f", "compose.yaml", "config", "-q");
        assertEquals(0, ok.exit(), "docker-compose config: " + ok.output());

        Path empty = Files.createTempFile("platepay-empty", ".env");
        try {
            Result refused = run(tool.get().toString(), "--env-file", empty.toString(), "-f", "compose.yaml", "config", "-q");
            assertNotEquals(0, refused.exit(), "without the env file's secrets compose must refuse");
            assertTrue(refused.output().contains("set it in .env"), refused.output());
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void theFileHasTheWholeStackAndTakesEverySecretFromTheEnvFile() throws IOException {
        JsonNode services = YAML.readTree(COMPOSE.resolve("compose.yaml").toFile()).path("services");
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(Set.of("postgres", "keycloak", "emqx1", "emqx2", "emqx3", "bank", "server-1", "server-2",
                "platepay-lb", "prometheus", "grafana")), "services: " + names);

        List<String> literal = new ArrayList<>();
        services.fields().forEachRemaining(service -> service.getValue().path("environment").fields().forEachRemaining(env -> {
            boolean secret = env.getKey().matches(".*(PASSWORD|SECRET|COOKIE|VAULT_KEY|SIGNING_KEY).*");
            if (secret && !env.getValue().asText().matches("\\$\\{[A-Z_]+:\\?[^}]+}")) {
                literal.add(service.getKey() + " " + env.getKey());
            }
        }));
        assertEquals(List.of(), literal, "secrets come from the env file, and compose refuses to start without them");

        String example = Files.readString(COMPOSE.resolve(".env.example"));
        String compose = Files.readString(COMPOSE.resolve("compose.yaml"));
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
        while (used.find()) {
            assertTrue(example.contains(used.group(1) + "="), used.group(1) + " is in .env.example");
        }
        assertTrue(Files.readString(COMPOSE.resolve(".gitignore")).lines().anyMatch(".env"::equals), "the real env file is ignored by git");
    }

    @Test
    void theDashboardShowsTheChargeMetricsAndPrometheusScrapesBothReplicas() throws IOException {
        String dashboard = Files.readString(COMPOSE.resolve("grafana/dashboards/platepay-charges.json"));
        new ObjectMapper().readTree(dashboard);
        for (String metric : List.of("platepay_charges_total", "platepay_charge_stage_seconds", "platepay_mqtt_in_flight",
                "platepay_janitor_backlog", "platepay_charges_needing_attention")) {
            assertTrue(dashboard.contains(metric), metric + " is on the dashboard");
        }
        JsonNode prometheus = YAML.readTree(COMPOSE.resolve("prometheus/prometheus.yml").toFile());
        JsonNode server = prometheus.path("scrape_configs").get(0);
        assertEquals("/q/metrics", server.path("metrics_path").asText());
        assertEquals("[\"server-1:8080\",\"server-2:8080\"]", server.path("static_configs").get(0).path("targets").toString());
    }

    record Result(int exit, String output) {
    }

    private static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(COMPOSE.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
