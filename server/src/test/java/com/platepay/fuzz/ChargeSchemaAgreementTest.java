package com.platepay.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract schema and the server judge the same generated charges alike. Every message is a fresh, correctly
 * signed charge on the device's own topic with one field mutated (or its bytes re-written without changing its
 * value): first every field with every mutation the fuzzer has, once each, then random ones. Only the content decides: what envelope.schema.json refuses is REJECTED and never debited, and what it
 * accepts is not REJECTED for a reason the schema checks (nor BAD_SIGNATURE nor REPLAYED, as it is signed and fresh).
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class ChargeSchemaAgreementTest extends StackTest {
    /** Random cases after the sweep. */
    private static final int RANDOM_MESSAGES = Integer.getInteger("fuzz.agreement-count", 300);

    @Test
    void theServerAgreesWithTheSchemaOnEveryGeneratedCharge() {
        MessageFuzz.Target target = FuzzedStack.target(scenario, bankUrl, mqttPort);
        CaseGenerator cases = new CaseGenerator(target.device(), FuzzedStack.SEED, Clock.systemUTC());
        List<FuzzCase> everyField = cases.everyFieldMutation();
        Iterator<FuzzCase> sweep = everyField.iterator();
        int count = everyField.size() + RANDOM_MESSAGES;
        MessageFuzz.Result result = MessageFuzz.run(target, () -> sweep.hasNext() ? sweep.next() : cases.nextSignedCharge(), count,
                Set.of(ReasonCodes.BAD_SIGNATURE, ReasonCodes.REPLAYED), line -> { });
        FuzzReport.print(System.out, result, null, 80);
        long valid = result.outcomes().stream().filter(o -> o.sent().validCharge()).count();
        assertTrue(valid > count / 10 && valid < count, "the cases mix valid and invalid charges: " + valid + " valid");
        assertEquals(List.of(), result.disagreements());
        assertEquals(List.of(), result.violations(), "money moved only for schema-valid charges, once; every message answered");
    }
}
