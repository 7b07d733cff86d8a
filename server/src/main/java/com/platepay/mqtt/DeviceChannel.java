package com.platepay.mqtt;

import io.smallrye.mutiny.Uni;

/**
 * One kind of device request ({@code charge} now; {@code plate-read} and {@code cylinder-check} next). The gateway
 * does what all channels share (the checks of {@link DeviceMessageAuthenticator}, acknowledgement, signing and
 * publishing the answer); a channel turns an authenticated message into its answer's body.
 */
public interface DeviceChannel {

    /** The request topic's channel, e.g. {@code charge}. */
    String channel();

    /** The envelope type its requests carry. */
    String requestType();

    /** Where and as what type the answer goes, e.g. {@code charge/result}, {@code charge.result}; null: never answered. */
    String resultChannel();

    String resultType();

    /**
     * The answer's body. Calls {@code committed} once everything the request must not lose is stored (the gateway
     * acknowledges the MQTT message then); when it never calls it, the gateway acknowledges after the answer.
     */
    Uni<Object> handle(AuthenticatedMessage message, Runnable committed);

    /** Whether sentAt must be inside the replay window (every request's must; a status's last will cannot be). */
    default boolean checksReplayWindow() {
        return true;
    }

    /**
     * Whether every replica takes every message of this channel (a plain subscription) instead of one replica each
     * (the shared one). Only for a channel whose retained messages a replica must see when it subscribes (MQTT 5 gives
     * a shared subscription none) and whose handling is idempotent across replicas.
     */
    default boolean everyReplica() {
        return false;
    }

    /** The answer to a request refused before it reached {@link #handle}, or inside it. */
    Object rejected(DeviceMessageRejection rejection);
}
