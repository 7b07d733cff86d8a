package com.platepay.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.exceptions.ConnectionFailedException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.platepay.protocol.Ids;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ResultStatus;
import com.platepay.protocol.sim.BrokerUrl;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestCertificates;
import com.platepay.testing.TestHandheld;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Devices reach the embedded broker over TLS (its default listener) and check whom they talk to: the broker's
 * certificate must chain to the CA the device was given. Client certificates are optional and, when shown, must be
 * the device's own. The devices here are built the way the handheld simulator and the lane box build theirs
 * ({@link BrokerUrl}), so this is their TLS code against the real broker.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class MqttTlsTest extends StackTest {

    @ConfigProperty(name = "platepay.mqtt.port")
    int tlsPort;
    @ConfigProperty(name = "platepay.mqtt.tls-ca-file")
    String caFile;

    private Scenario.DeviceCredentials handheld() {
        return scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
    }

    private BrokerUrl broker(String host) {
        return BrokerUrl.parse("mqtts://" + host + ":" + tlsPort).withCa(Path.of(caFile));
    }

    @Test
    void aDeviceThatTrustsTheCaConnectsOverTlsAndCharges() {
        Scenario.Enrolled driver = scenario.enrolled(Users.ALICE, 10_000);
        try (TestHandheld device = new TestHandheld(handheld(), broker("127.0.0.1"))) {
            ChargeResult result = device.charge(TestHandheld.request(Ids.newUuidV7(), driver.plate(), 1_250));
            assertEquals(ResultStatus.APPROVED, result.status(), () -> "got " + result);
        }
        try (TestHandheld byName = new TestHandheld(handheld(), broker("localhost"))) {
            assertTrue(byName.connected(), "the certificate names localhost too");
        }
        assertBooksBalance();
    }

    @Test
    void aDeviceGivenAnotherCaRefusesTheBroker() {
        TestCertificates other = TestCertificates.create(Path.of(System.getProperty("test.tls-dir")).resolveSibling("tls-other"), "other");
        BrokerUrl wrongCa = BrokerUrl.parse("mqtts://127.0.0.1:" + tlsPort).withCa(other.caPem());
        Scenario.DeviceCredentials device = handheld();
        ConnectionFailedException refused = assertThrows(ConnectionFailedException.class, () -> new TestHandheld(device, wrongCa).close());
        assertInstanceOf(SSLHandshakeException.class, refused.getCause(), () -> "refused for the certificate, not something else: " + refused);
        // The JVM's own trust store does not know the demo's CA either: TLS without the device's CA is refused too.
        BrokerUrl jvmTrust = BrokerUrl.parse("mqtts://127.0.0.1:" + tlsPort);
        assertThrows(ConnectionFailedException.class, () -> new TestHandheld(device, jvmTrust).close());
    }

    @Test
    void aPlainClientCannotSpeakMqttOnTheTlsPort() {
        Scenario.DeviceCredentials device = handheld();
        assertThrows(RuntimeException.class, () -> new TestHandheld(device, "127.0.0.1", tlsPort).close());
    }

    @Test
    void aClientCertificateMustBeTheDevicesOwn() {
        TestCertificates ca = TestCertificates.create(Path.of(System.getProperty("test.tls-dir")), "test");
        Scenario.DeviceCredentials device = handheld();
        Path own = ca.clientCertificate(device.deviceId());
        try (TestHandheld withOwn = new TestHandheld(device, broker("127.0.0.1").withClientCertificate(own, ca.password()))) {
            assertTrue(withOwn.connected());
        }
        Path someoneElses = ca.clientCertificate("another-device");
        Mqtt5ConnAckException refused = assertThrows(Mqtt5ConnAckException.class,
                () -> new TestHandheld(device, broker("127.0.0.1").withClientCertificate(someoneElses, ca.password())).close());
        assertEquals(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, refused.getMqttMessage().getReasonCode());
    }
}
