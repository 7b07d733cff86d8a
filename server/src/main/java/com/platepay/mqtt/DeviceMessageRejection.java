package com.platepay.mqtt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A device message refused at the edge, with its reason code and whatever of the body could be read (so the answer
 * can carry the request's id). Refused messages change nothing.
 */
public final class DeviceMessageRejection extends RuntimeException {

    private final String code;
    private final transient JsonNode body;

    public DeviceMessageRejection(String code, String message, JsonNode body) {
        super(message, null, false, false);
        this.code = code;
        this.body = body;
    }

    public String code() {
        return code;
    }

    /** The message's body as read, or null when it could not be read. Not validated: use for echoing ids only. */
    public JsonNode body() {
        return body;
    }
}
