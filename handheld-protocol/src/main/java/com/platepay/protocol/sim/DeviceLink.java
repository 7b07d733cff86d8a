package com.platepay.protocol.sim;

import java.time.Duration;
import java.util.function.Consumer;

/** The handheld's MQTT connection, MQTT 5 or 3.1.1. */
interface DeviceLink extends AutoCloseable {

    /** A message that arrived; correlationData is null for MQTT 3.1.1 or when the sender set none. */
    record Received(String topic, byte[] payload, byte[] correlationData) {
    }

    /** The broker refused or could not be reached; the message names the broker and the reason. */
    final class LinkException extends Exception {
        LinkException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A last will the broker publishes (QoS 1, retained) when the connection is lost without a DISCONNECT. */
    record Will(String topic, byte[] payload) {
    }

    /** {@code will} may be null. */
    void connect(String clientId, String username, String password, Will will, Duration timeout) throws LinkException;

    default void connect(String clientId, String username, String password, Duration timeout) throws LinkException {
        connect(clientId, username, password, null, timeout);
    }

    void subscribe(String topicFilter, Consumer<Received> handler, Duration timeout) throws LinkException;

    /** QoS 1; responseTopic and correlationData are used with MQTT 5 and ignored with 3.1.1. */
    void publish(String topic, byte[] payload, String responseTopic, byte[] correlationData, Duration timeout) throws LinkException;

    /** QoS 1, retained (the device's status). */
    void publishRetained(String topic, byte[] payload, Duration timeout) throws LinkException;

    @Override
    void close();
}
