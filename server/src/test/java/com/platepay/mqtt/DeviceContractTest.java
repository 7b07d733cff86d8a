package com.platepay.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.platepay.contracts.ContractSchemas;
import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.testing.Bank;
import com.platepay.testing.Plates;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What the server really sends devices matches contracts/schemas, for every kind of answer. */
@QuarkusTest
@WithTestResource(TestStack.class)
class DeviceContractTest {

    @ConfigProperty(name = "platepay.bank.url")
    String bankUrl;
    @ConfigProperty(name = "platepay.mqtt.embedded.plain-port")
    int mqttPort;

    @Test
    void approvedDeclinedAndRejectedResultsFollowTheSchemas() throws Exception {
        Scenario scenario = new Scenario(new Bank(bankUrl));
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 10_000);
        try (TestHandheld handheld = new TestHandheld(scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD"),
                "127.0.0.1", mqttPort)) {
            ChargeRequest approved = TestHandheld.request(Ids.newUuidV7(), driver.plate(), 1_000);
            assertEquals(List.of(), ContractSchemas.validateEnvelope(ProtocolCodec.mapper().readTree(
                    ProtocolCodec.encode(handheld.envelopeFor(approved)))), "what the test handheld sends is itself valid");
            handheld.charge(approved);
            handheld.charge(TestHandheld.request(Ids.newUuidV7(), Plates.random(), 1_000));
            handheld.charge(TestHandheld.request(Ids.newUuidV7(), "not a plate", 1_000));
            handheld.publishRaw(handheld.chargeTopic(), "[]".getBytes(StandardCharsets.UTF_8));
            handheld.awaitResult("", java.time.Duration.ofSeconds(10)).orElseThrow();

            List<String> problems = new ArrayList<>();
            assertEquals(4, handheld.rawResults.size());
            for (byte[] raw : handheld.rawResults) {
                List<String> errors = ContractSchemas.validateEnvelope(ProtocolCodec.mapper().readTree(raw));
                if (!errors.isEmpty()) {
                    problems.add(new String(raw, StandardCharsets.UTF_8) + " -> " + errors);
                }
            }
            assertEquals(List.of(), problems);
            assertFalse(new String(handheld.rawResults.peek(), StandardCharsets.UTF_8).contains(driver.account().pan()));
        }
    }
}
