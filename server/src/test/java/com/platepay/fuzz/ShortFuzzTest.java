package com.platepay.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.testing.StackTest;
import com.platepay.testing.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A short run of ./platepay faults fuzz on the real stack: a few thousand generated device messages, then generated
 * bodies to every REST operation. The pass conditions are the fuzzer's own (see MessageFuzz, RestFuzzer).
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class ShortFuzzTest extends StackTest {
    private static final int MESSAGES = Integer.getInteger("fuzz.count", 2000);

    @TestHTTPResource("/")
    URL api;

    @Test
    void everyMessageGetsACodedAnswerAndMoneyMovesOnlyForValidChargesAtMostOnce() {
        MessageFuzz.Result result = MessageFuzz.run(FuzzedStack.target(scenario, bankUrl, mqttPort), FuzzedStack.SEED, MESSAGES,
                line -> { });
        FuzzReport.print(System.out, result, null, 30);
        assertTrue(result.moneyMovingDebits() > 0, "valid charges among the cases were debited: the fuzz reached the bank");
        assertBooksBalance();
        assertEquals(List.of(), result.violations());
    }

    @Test
    void noRestBodyGetsA5xx() {
        Map<String, String> tokens = FuzzedStack.tokensByRole();
        RestFuzzer.Report report = new RestFuzzer(api.toString(), tokens::get, FuzzedStack.SEED).run(12);
        FuzzReport.print(System.out, null, report, 30);
        assertTrue(report.operations() >= 30, "the OpenAPI document lists the API");
        assertTrue(report.byStatus().keySet().stream().anyMatch(s -> s.startsWith("2")), "some bodies were accepted: " + report.byStatus());
        assertEquals(List.of(), report.failures());
    }
}
