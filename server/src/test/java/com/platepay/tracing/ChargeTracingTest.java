package com.platepay.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** With tracing on, a charge over MQTT is one trace: the message's span and, under it, each stage of the charge. */
@QuarkusTest
@WithTestResource(TestStack.class)
@TestProfile(ChargeTracingTest.TracingOn.class)
class ChargeTracingTest extends StackTest {

    public static final class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    /** The in-process exporter the SDK sends its spans to, instead of an OTLP collector. */
    @Singleton
    static final class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aChargeIsOneTraceFromReceiveToPublish() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 50_000);
        try (TestHandheld handheld = newHandheld()) {
            ChargeRequest request = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 1_250);
            assertEquals(ResultStatus.APPROVED, handheld.charge(request).status());
        }
        Set<String> expected = Set.of("mqtt receive charge", "charge.verify", "admit", "bank", "record", "mqtt publish charge/result");
        Awaitility.await().until(() -> names(spans.getFinishedSpanItems()).containsAll(expected));

        List<SpanData> finished = spans.getFinishedSpanItems();
        SpanData message = finished.stream().filter(s -> s.getName().equals("mqtt receive charge")).reduce((a, b) -> b).orElseThrow();
        List<SpanData> trace = finished.stream().filter(s -> s.getTraceId().equals(message.getTraceId())).toList();
        assertTrue(names(trace).containsAll(expected), "every stage is in the message's trace: " + names(trace));
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s));
        for (String stage : List.of("charge.verify", "admit", "bank", "record", "mqtt publish charge/result")) {
            SpanData span = trace.stream().filter(s -> s.getName().equals(stage)).findFirst().orElseThrow();
            assertEquals(message.getSpanId(), span.getParentSpanId(),
                    stage + " is a child of the message's span, not of " + byId.get(span.getParentSpanId()));
        }
        assertBooksBalance();
    }

    private static Set<String> names(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).collect(Collectors.toSet());
    }
}
