package com.platepay.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Bank;
import com.platepay.testing.ExternalMosquittoStack;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The server works through an external broker (Debian's Mosquitto) by configuration alone. */
@QuarkusTest
@WithTestResource(ExternalMosquittoStack.class)
@EnabledIf(value = "mosquittoInstalled", disabledReason = "mosquitto is not installed (apt-get install mosquitto)")
class ExternalBrokerTest {

    @ConfigProperty(name = "platepay.bank.url")
    String bankUrl;
    @ConfigProperty(name = "platepay.mqtt.port")
    int mqttPort;

    static boolean mosquittoInstalled() {
        return Files.isExecutable(ExternalMosquittoStack.MOSQUITTO);
    }

    @Test
    void chargesFlowThroughMosquittoAndForgeriesAreStillRefused() {
        Bank bank = new Bank(bankUrl);
        Scenario scenario = new Scenario(bank);
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 20_000);
        Scenario.DeviceCredentials device = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        try (TestHandheld handheld = new TestHandheld(device, "127.0.0.1", mqttPort)) {
            ChargeResult approved = handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 2_500));
            assertEquals(ResultStatus.APPROVED, approved.status());
            assertEquals(17_500, bank.balance(driver.account()));
        }
        // This broker lets anyone publish anywhere: the signature is what stops an impostor.
        Scenario.DeviceCredentials impostor = new Scenario.DeviceCredentials(device.deviceId(), device.siteId(), "anything",
                com.platepay.protocol.DeviceKeys.encodePrivate(com.platepay.protocol.DeviceKeys.generate().getPrivate()),
                device.serverPublicKey());
        try (TestHandheld forger = new TestHandheld(impostor, "127.0.0.1", mqttPort)) {
            ChargeResult refused = forger.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 2_500));
            assertEquals(ResultStatus.REJECTED, refused.status());
            assertEquals(ReasonCodes.BAD_SIGNATURE, refused.reasonCode());
            assertEquals(17_500, bank.balance(driver.account()));
        }
        // This broker cannot cut the device off, so the server refuses a disabled device's messages itself.
        Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/disable").then().statusCode(200);
        try (TestHandheld disabled = new TestHandheld(device, "127.0.0.1", mqttPort)) {
            ChargeResult refused = disabled.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 2_500));
            assertEquals(ReasonCodes.DEVICE_DISABLED, refused.reasonCode());
            assertEquals(17_500, bank.balance(driver.account()));
        }
    }
}
