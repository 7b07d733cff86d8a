package com.platepay.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s without a cluster: every document is read into the Kubernetes API's own types (fabric8's model, from
 * Maven Central), and a field the API does not know, or a value of the wrong type, fails; then what the issue asks
 * of the deployment is checked (probes, resources, HPA, PDB, a replicated CloudNativePG cluster, no Secret in git).
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("..", "k8s");
    private static final Map<String, Class<?>> TYPES = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "batch/v1/Job", Job.class);
    /** Custom resources of operators the deployment relies on; their own checks are below. */
    private static final Set<String> CUSTOM = Set.of("postgresql.cnpg.io/v1/Cluster");
    private static final ObjectMapper YAML = new YAMLMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record Document(Path file, JsonNode node, Object typed) {
        String kindKey() {
            return node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    static List<Document> documents;

    @BeforeAll
    static void read() throws IOException {
        documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList()) {
                try (var parser = new YAMLFactory().createParser(file.toFile())) {
                    for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
                        if (node == null || node.isNull() || node.isEmpty()) {
                            continue;
                        }
                        documents.add(new Document(file, node, typed(file, node)));
                    }
                }
            }
        }
    }

    private static Object typed(Path file, JsonNode node) {
        String key = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        if (CUSTOM.contains(key)) {
            return null;
        }
        Class<?> type = TYPES.get(key);
        if (type == null) {
            return fail(file + ": " + key + " is a kind this check does not know; add it to TYPES");
        }
        try {
            Object typed = YAML.treeToValue(node, type);
            List<String> unknown = new ArrayList<>();
            unknownFields(typed, node.path("kind").asText(), unknown);
            assertEquals(List.of(), unknown, file + ": fields the Kubernetes API does not have");
            return typed;
        } catch (IOException e) {
            return fail(file + ": " + key + " " + node.path("metadata").path("name").asText() + " does not fit the API: " + e.getMessage());
        }
    }

    /** fabric8's types keep fields they do not know in additionalProperties: any there is a typo or a wrong level. */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            try {
                Object child = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(child, path + "." + getter.getName().substring(3, 4).toLowerCase() + getter.getName().substring(4), unknown);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter.toString(), e);
            }
        }
    }

    private static <T> T one(Class<T> type, String name) {
        return documents.stream().filter(d -> type.isInstance(d.typed()) && d.name().equals(name)).map(d -> type.cast(d.typed()))
                .findFirst().orElseGet(() -> fail("no " + type.getSimpleName() + " " + name + " in deploy/k8s"));
    }

    @Test
    void everyFileIsInTheKustomizationAndEveryDocumentFitsTheApi() throws IOException {
        JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> present = new TreeSet<>();
        documents.forEach(d -> present.add(d.file().getFileName().toString()));
        assertEquals(present, listed, "kustomization.yaml lists exactly the manifests");
        assertTrue(documents.size() >= 15, "the manifests were read: " + documents.size());
        documents.forEach(d -> assertEquals("platepay", d.kindKey().equals("v1/Namespace") ? "platepay"
                : d.node().path("metadata").path("namespace").asText(), d.file() + " " + d.name() + " lives in the platepay namespace"));
    }

    @Test
    void theServerHasProbesResourcesAnAutoscalerAndADisruptionBudget() {
        Deployment server = one(Deployment.class, "platepay-server");
        Container container = server.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertNotNull(container.getResources().getRequests().get("cpu"), "a CPU request (the HPA scales on it)");
        assertNotNull(container.getResources().getRequests().get("memory"));
        assertNotNull(container.getResources().getLimits().get("memory"));
        assertTrue(server.getSpec().getReplicas() >= 2, "at least two replicas");

        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class, "platepay-server");
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals("platepay-server", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);

        PodDisruptionBudget pdb = one(PodDisruptionBudget.class, "platepay-server");
        assertEquals(server.getSpec().getSelector().getMatchLabels(), pdb.getSpec().getSelector().getMatchLabels(),
                "the budget covers the server's pods");
        assertEquals(server.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name"),
                one(Service.class, "platepay-server").getSpec().getSelector().get("app.kubernetes.io/name"));
    }

    @Test
    void postgresIsACloudNativePgClusterWithAReplicaAndEmqxAClusterOfThree() {
        JsonNode cluster = documents.stream().filter(d -> d.kindKey().equals("postgresql.cnpg.io/v1/Cluster")).map(Document::node)
                .findFirst().orElseGet(() -> fail("no CloudNativePG Cluster"));
        assertTrue(cluster.path("spec").path("instances").asInt() >= 2, "a primary and at least one replica");
        assertTrue(cluster.path("spec").path("storage").path("size").isTextual());
        assertEquals("platepay", cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
        assertEquals(cluster.path("metadata").path("name").asText() + "-rw",
                one(ConfigMap.class, "platepay-server").getData().get("DB_HOST"), "the servers talk to the primary");

        StatefulSet emqx = one(StatefulSet.class, "emqx");
        assertEquals(3, emqx.getSpec().getReplicas());
        String config = one(ConfigMap.class, "emqx-config").getData().get("emqx.conf.template");
        assertTrue(config.contains("/api/v1/broker/emqx/authn") && config.contains("/api/v1/broker/emqx/authz"),
                "EMQX asks the servers' hooks");
        assertTrue(config.contains("no_match = deny"), "a hook that does not answer refuses");
    }

    @Test
    void noSecretIsCommittedAndEverySecretReferencedIsDocumented() throws IOException {
        String documented = Files.readString(K8S.resolve("secrets.md"));
        Set<String> referenced = new TreeSet<>();
        for (Document d : documents) {
            assertTrue(!d.node().path("kind").asText().equals("Secret"), d.file() + " holds a Secret: secrets come from the cluster");
            Matcher m = Pattern.compile("\"secretKeyRef\":\\{\"name\":\"([^\"]+)\",\"key\":\"([^\"]+)\"").matcher(d.node().toString());
            while (m.find()) {
                referenced.add(m.group(1) + "/" + m.group(2));
            }
        }
        assertTrue(referenced.size() >= 8, "the manifests take their secrets from Secrets: " + referenced);
        for (String ref : referenced) {
            String[] parts = ref.split("/");
            assertTrue(documented.contains("`" + parts[0] + "`") && documented.contains(parts[1]), ref + " is listed in deploy/k8s/secrets.md");
        }
    }
}
