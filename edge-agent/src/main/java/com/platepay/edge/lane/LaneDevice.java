package com.platepay.edge.lane;

import com.platepay.protocol.parking.PlateRead;
import com.platepay.protocol.sim.DeviceConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** A lane camera's identity (the device file the demo writes, as a handheld's) and the lane it watches. */
record LaneDevice(String deviceId, String siteId, String mqttUsername, String mqttPassword, String privateKey, String host, int port,
                  String serverPublicKey, String lane, PlateRead.Direction direction) {

    static LaneDevice read(Path file, String lane, PlateRead.Direction direction, String siteOverride, String deviceOverride)
            throws IOException {
        DeviceConfig c = DeviceConfig.read(file);
        URI broker = URI.create(c.broker() == null ? "tcp://127.0.0.1:1883" : c.broker());
        String deviceId = deviceOverride != null ? deviceOverride : c.deviceId();
        return new LaneDevice(deviceId, siteOverride != null ? siteOverride : c.siteId(),
                c.mqttUsername() != null ? c.mqttUsername() : deviceId, c.mqttPassword(), c.privateKey(), broker.getHost(),
                broker.getPort() < 0 ? 1883 : broker.getPort(), c.serverPublicKey(), lane, direction);
    }
}
