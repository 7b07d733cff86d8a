package com.platepay.edge.lane;

import com.platepay.protocol.parking.PlateRead;
import com.platepay.protocol.sim.BrokerUrl;
import com.platepay.protocol.sim.DeviceConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A lane camera's identity (the device file the demo writes, as a handheld's) and the lane it watches. On an
 * {@code mqtts://} broker the box checks the broker's certificate against the file's {@code caFile} and its host name.
 */
record LaneDevice(String deviceId, String siteId, String mqttUsername, String mqttPassword, String privateKey, BrokerUrl broker,
                  String serverPublicKey, String lane, PlateRead.Direction direction) {

    /** A lane on a plain broker (tests where TLS is not the point). */
    LaneDevice(String deviceId, String siteId, String mqttUsername, String mqttPassword, String privateKey, String host, int port,
               String serverPublicKey, String lane, PlateRead.Direction direction) {
        this(deviceId, siteId, mqttUsername, mqttPassword, privateKey, new BrokerUrl(host, port, false), serverPublicKey, lane, direction);
    }

    static LaneDevice read(Path file, String lane, PlateRead.Direction direction, String siteOverride, String deviceOverride)
            throws IOException {
        DeviceConfig c = DeviceConfig.read(file);
        BrokerUrl broker;
        try {
            broker = c.brokerUrl("mqtts://127.0.0.1:8883", file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IOException("device file " + file + ": " + e.getMessage(), e);
        }
        String deviceId = deviceOverride != null ? deviceOverride : c.deviceId();
        return new LaneDevice(deviceId, siteOverride != null ? siteOverride : c.siteId(),
                c.mqttUsername() != null ? c.mqttUsername() : deviceId, c.mqttPassword(), c.privateKey(), broker,
                c.serverPublicKey(), lane, direction);
    }
}
