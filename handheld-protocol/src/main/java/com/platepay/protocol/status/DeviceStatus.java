package com.platepay.protocol.status;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of a {@code status} message: the device's presence (contracts/schemas/status.schema.json). */
public record DeviceStatus(@JsonProperty(value = "state", required = true) State state) {

    public enum State { ONLINE, OFFLINE }

    public static DeviceStatus online() {
        return new DeviceStatus(State.ONLINE);
    }

    public static DeviceStatus offline() {
        return new DeviceStatus(State.OFFLINE);
    }
}
