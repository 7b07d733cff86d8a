package com.platepay.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Bank;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, as it runs in production: some class-path faults (the embedded broker's javax.annotation,
 * native libraries) show only here.
 */
@QuarkusIntegrationTest
@WithTestResource(TestStack.class)
class PackagedServerIT {

    @Test
    void packagedServerIsReadyAndChargesOverMqtt() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String bankUrl = System.getProperty("test.bank-url");
        int mqttPort = Integer.getInteger("test.mqtt-port");
        Scenario scenario = new Scenario(new Bank(bankUrl));
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 30_000);
        try (TestHandheld handheld = new TestHandheld(scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD"),
                "127.0.0.1", mqttPort)) {
            var result = handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 12_850));
            assertEquals(ResultStatus.APPROVED, result.status());
            assertEquals(30_000 - 12_850, new Bank(bankUrl).balance(driver.account()));
        }
    }
}
