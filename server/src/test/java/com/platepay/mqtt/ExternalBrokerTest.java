package com.platepay.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.testing.Bank;
import com.platepay.testing.DynamicSecurityFile;
import com.platepay.testing.ExternalMosquittoStack;
import com.platepay.testing.Scenario;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The server works through an external broker (Debian's Mosquitto) by configuration alone, and keeps the broker's
 * device accounts through Mosquitto's dynamic-security plugin: a device made, rotated, disabled or enabled over REST
 * is let in, kept to its own topics, or shut out by the broker itself.
 */
@QuarkusTest
@WithTestResource(ExternalMosquittoStack.class)
@EnabledIf(value = "mosquittoInstalled", disabledReason = "mosquitto with its dynamic-security plugin is not installed (apt-get install mosquitto)")
class ExternalBrokerTest {

    @ConfigProperty(name = "platepay.bank.url")
    String bankUrl;
    @ConfigProperty(name = "platepay.mqtt.port")
    int mqttPort;

    private Bank bank;
    private Scenario scenario;

    static boolean mosquittoInstalled() {
        return Files.isExecutable(ExternalMosquittoStack.MOSQUITTO) && DynamicSecurityFile.available();
    }

    @BeforeEach
    void world() {
        bank = new Bank(bankUrl);
        scenario = new Scenario(bank);
    }

    @Test
    void chargesFlowThroughMosquittoAndForgeriesAreStillRefused() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 20_000);
        Scenario.DeviceCredentials device = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        try (TestHandheld handheld = new TestHandheld(device, "127.0.0.1", mqttPort)) {
            ChargeResult approved = handheld.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 2_500));
            assertEquals(ResultStatus.APPROVED, approved.status());
            assertEquals(17_500, bank.balance(driver.account()));
        }
        // The broker lets the device in with its password; the signature is what stops someone who has only that.
        Scenario.DeviceCredentials forger = new Scenario.DeviceCredentials(device.deviceId(), device.siteId(), device.password(),
                DeviceKeys.encodePrivate(DeviceKeys.generate().getPrivate()), device.serverPublicKey());
        try (TestHandheld impostor = new TestHandheld(forger, "127.0.0.1", mqttPort)) {
            ChargeResult refused = impostor.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 2_500));
            assertEquals(ResultStatus.REJECTED, refused.status());
            assertEquals(ReasonCodes.BAD_SIGNATURE, refused.reasonCode());
            assertEquals(17_500, bank.balance(driver.account()));
        }
    }

    @Test
    void theBrokerRefusesAWrongPasswordAndKeepsADeviceToItsOwnTopics() {
        String site = scenario.site(Users.OLGA, "GAS");
        Scenario.DeviceCredentials device = scenario.device(Users.OLGA, site, "HANDHELD");
        Scenario.DeviceCredentials other = scenario.device(Users.OLGA, site, "HANDHELD");
        Scenario.DeviceCredentials guessing = new Scenario.DeviceCredentials(device.deviceId(), device.siteId(), "not-the-password",
                device.privateKey(), device.serverPublicKey());
        assertThrows(Mqtt5ConnAckException.class, () -> new TestHandheld(guessing, "127.0.0.1", mqttPort).close());
        try (TestHandheld handheld = new TestHandheld(device, "127.0.0.1", mqttPort)) {
            String othersTopic = Topics.device(other.siteId(), other.deviceId(), Topics.CHARGE);
            byte[] body = ProtocolCodec.encode(handheld.envelopeFor(TestHandheld.request(Ids.newUuidV7(), "黑E12345", 100)));
            assertEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, handheld.publishRaw(othersTopic, body));
            assertEquals(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, handheld.publishRaw("platepay/v1/sites/" + site + "/anything", body));
        }
    }

    @Test
    void disablingCutsTheSessionAndShutsTheDeviceOutUntilEnabledAndRotationRetiresTheOldPassword() {
        Scenario.DeviceCredentials device = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        try (TestHandheld live = new TestHandheld(device, "127.0.0.1", mqttPort)) {
            Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/disable").then().statusCode(200);
            await().atMost(Duration.ofSeconds(15)).until(() -> !live.connected());
        }
        assertThrows(Mqtt5ConnAckException.class, () -> new TestHandheld(device, "127.0.0.1", mqttPort).close());
        Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/enable").then().statusCode(200);
        new TestHandheld(device, "127.0.0.1", mqttPort).close();

        String newPassword;
        try (TestHandheld live = new TestHandheld(device, "127.0.0.1", mqttPort)) {
            newPassword = Users.OLGA.api().post("/api/v1/operator/devices/" + device.deviceId() + "/credentials")
                    .then().statusCode(200).extract().path("mqttPassword");
            await().atMost(Duration.ofSeconds(15)).until(() -> !live.connected());
        }
        assertThrows(Mqtt5ConnAckException.class, () -> new TestHandheld(device, "127.0.0.1", mqttPort).close());
        new TestHandheld(new Scenario.DeviceCredentials(device.deviceId(), device.siteId(), newPassword, device.privateKey(),
                device.serverPublicKey()), "127.0.0.1", mqttPort).close();
    }
}
