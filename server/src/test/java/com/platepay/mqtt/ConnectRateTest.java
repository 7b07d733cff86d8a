package com.platepay.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.platepay.testing.Scenario;
import com.platepay.testing.StackTest;
import com.platepay.testing.TestStack;
import com.platepay.testing.Users;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker refuses an address's CONNECTs past its rate (TestStack: {@link TestStack#CONNECTS_PER_SECOND} a
 * second, 127.0.0.1 exempt) before it checks any credential, and lets the address in again once the rate allows.
 * The connects come from 127.0.0.2 (all of 127/8 is this machine), so other tests' devices are not in its bucket.
 */
@QuarkusTest
@WithTestResource(TestStack.class)
class ConnectRateTest extends StackTest {

    private static final int ATTEMPTS = TestStack.CONNECTS_PER_SECOND * 4;

    @Test
    void anAddressOverItsConnectRateIsRefusedThenLetInAgain() throws Exception {
        Scenario.DeviceCredentials device = scenario.device(Users.OLGA, scenario.site(Users.OLGA, "GAS"), "HANDHELD");
        InetAddress from = InetAddress.getByName("127.0.0.2");
        List<Mqtt5ConnAckReasonCode> answers = new ArrayList<>();
        // As fast as one client can: a bucket of 5 refilled at 5 a second cannot let 20 in unless these took 3 s.
        for (int i = 0; i < ATTEMPTS; i++) {
            answers.add(connectOnce(device, from));
        }
        long refused = answers.stream().filter(a -> a == Mqtt5ConnAckReasonCode.CONNECTION_RATE_EXCEEDED).count();
        assertTrue(refused > 0, () -> "some of " + ATTEMPTS + " back-to-back connects must be refused: " + answers);
        assertEquals(Mqtt5ConnAckReasonCode.SUCCESS, answers.get(0), "the first connect of an address is in its rate");
        assertTrue(answers.stream().allMatch(a -> a == Mqtt5ConnAckReasonCode.SUCCESS || a == Mqtt5ConnAckReasonCode.CONNECTION_RATE_EXCEEDED),
                () -> "only the rate refuses this device: " + answers);
        // The rate refills: the same device from the same address gets in again.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> connectOnce(device, from) == Mqtt5ConnAckReasonCode.SUCCESS);
        // Another address was never limited by this one's bucket (127.0.0.1 is exempt in tests).
        assertEquals(Mqtt5ConnAckReasonCode.SUCCESS, connectOnce(device, InetAddress.getByName("127.0.0.1")));
    }

    private Mqtt5ConnAckReasonCode connectOnce(Scenario.DeviceCredentials device, InetAddress from) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(device.deviceId())
                .transportConfig().serverHost("127.0.0.1").serverPort(mqttPort).localAddress(from).applyTransportConfig()
                .simpleAuth().username(device.deviceId()).password(device.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .buildBlocking();
        try {
            Mqtt5ConnAckReasonCode code = client.connect().getReasonCode();
            client.disconnect();
            return code;
        } catch (Mqtt5ConnAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }
}
