package com.platepay.charging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Bank;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Concurrent charges from different pumps can never overrun a daily cap together. */
@QuarkusTest
@WithTestResource(TestStack.class)
class DailyCapConcurrencyTest {

    @ConfigProperty(name = "platepay.bank.url")
    String bankUrl;
    @ConfigProperty(name = "platepay.mqtt.embedded.plain-port")
    int mqttPort;

    @Test
    void twoConcurrentChargesOverTheCapTogetherApproveExactlyOne() {
        assertApprovedUnderCap(2, 6_000, 10_000, 1);
    }

    @Test
    void manyConcurrentChargesApproveOnlyWhatFits() {
        assertApprovedUnderCap(12, 3_000, 10_000, 3);
    }

    private void assertApprovedUnderCap(int charges, long amount, long dailyCap, int expectedApproved) {
        Bank bank = new Bank(bankUrl);
        bank.clearFaults();
        Scenario scenario = new Scenario(bank);
        String site = scenario.site(Users.OSCAR, "GAS");
        Scenario.Enrolled driver = scenario.enrolled(Users.BOB, 100_000, amount, dailyCap, List.of("GAS"));
        List<TestHandheld> pumps = new ArrayList<>();
        List<ChargeRequest> requests = new ArrayList<>();
        try {
            for (int i = 0; i < charges; i++) {
                pumps.add(new TestHandheld(scenario.device(Users.OSCAR, site, "HANDHELD"), "127.0.0.1", mqttPort));
                requests.add(TestHandheld.request(Ids.newUuidV7(), driver.plate(), amount));
            }
            for (int i = 0; i < charges; i++) {
                pumps.get(i).send(pumps.get(i).envelopeFor(requests.get(i)));
            }
            List<ChargeResult> results = new ArrayList<>();
            for (int i = 0; i < charges; i++) {
                results.add(pumps.get(i).awaitResult(requests.get(i).chargeId(), Duration.ofSeconds(20)).orElseThrow());
            }
            long approved = results.stream().filter(r -> r.status() == ResultStatus.APPROVED).count();
            assertEquals(expectedApproved, approved, () -> "results: " + results);
            assertEquals(charges - expectedApproved,
                    results.stream().filter(r -> ReasonCodes.OVER_DAILY_CAP.equals(r.reasonCode())).count());
            assertEquals(100_000 - expectedApproved * amount, bank.balance(driver.account()));
        } finally {
            pumps.forEach(TestHandheld::close);
        }
    }
}
