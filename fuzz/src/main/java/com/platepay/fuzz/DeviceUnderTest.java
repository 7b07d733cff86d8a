package com.platepay.fuzz;

import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Topics;
import java.security.PrivateKey;
import java.security.PublicKey;

/** The handheld the fuzzer speaks as: its ids, MQTT password, signing key, the server's result key, and the plate it may charge. */
public record DeviceUnderTest(String deviceId, String siteId, String mqttPassword, PrivateKey signingKey, PublicKey serverKey,
                              String enrolledPlate) {

    public static DeviceUnderTest of(String deviceId, String siteId, String mqttPassword, String privateKeyBase64,
                                     String serverPublicKeyBase64, String enrolledPlate) {
        return new DeviceUnderTest(deviceId, siteId, mqttPassword, DeviceKeys.decodePrivate(privateKeyBase64),
                DeviceKeys.decodePublic(serverPublicKeyBase64), enrolledPlate);
    }

    public String chargeTopic() {
        return Topics.device(siteId, deviceId, Topics.CHARGE);
    }

    public String resultTopic() {
        return Topics.device(siteId, deviceId, Topics.CHARGE_RESULT);
    }
}
