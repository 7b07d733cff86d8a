package com.platepay.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.Ids;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.ReplayWindow;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.sites.DeviceLookup;
import com.platepay.sites.DeviceRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * The checks every device message passes before any channel sees it, in the order the contract states
 * (asyncapi.yaml, "Check order"): size, JSON, the contract schema, topic, device, signature, replay window.
 * Ids are compared in their canonical form. A failed check ends in a {@link DeviceMessageRejection}.
 */
@ApplicationScoped
public class DeviceMessageAuthenticator {

    /** Larger than any valid message (every field has a length limit); anything bigger is refused unread. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024;

    private final ContractSchemaCheck schema;
    private final DeviceLookup devices;
    private final ReplayWindow replayWindow;

    public DeviceMessageAuthenticator(ContractSchemaCheck schema, DeviceLookup devices, PlatePayConfig config) {
        this.schema = schema;
        this.devices = devices;
        this.replayWindow = new ReplayWindow(config.charging().replayWindow(), config.charging().maxClockSkew(), Clock.systemUTC());
    }

    public Uni<AuthenticatedMessage> authenticate(Topics.DeviceTopic topic, byte[] payload, String expectedType) {
        return authenticate(topic, payload, expectedType, true);
    }

    /**
     * {@code replayWindow} false only for a status: its last will is signed at connect time and published by the
     * broker whenever the connection is lost, so its sentAt is old by design (it moves no money; the newest seq wins).
     */
    public Uni<AuthenticatedMessage> authenticate(Topics.DeviceTopic topic, byte[] payload, String expectedType, boolean replayWindow) {
        JsonNode root = read(payload);
        JsonNode body = root.path("body");
        schema.check(root).ifPresent(refusal -> {
            // The validator's message already names the field, e.g. "/body/amount: must have a minimum value of 1".
            throw new DeviceMessageRejection(refusal.code(), refusal.detail(), body);
        });
        Envelope envelope;
        try {
            envelope = ProtocolCodec.decode(root);
        } catch (ProtocolException e) {
            throw new DeviceMessageRejection(e.code(), e.getMessage(), body);
        }
        if (!expectedType.equals(envelope.type())) {
            throw new DeviceMessageRejection(ReasonCodes.MALFORMED, "a " + topic.channel() + " topic carries " + expectedType
                    + " messages only", body);
        }
        if (!Ids.canonical(topic.deviceId()).equals(Ids.canonical(envelope.deviceId()))
                || !Ids.canonical(topic.siteId()).equals(Ids.canonical(envelope.siteId()))) {
            throw new DeviceMessageRejection(ReasonCodes.TOPIC_MISMATCH, "envelope ids differ from the topic", body);
        }
        return devices.find(envelope.deviceId()).map(found -> new AuthenticatedMessage(topic, envelope, verify(found, envelope, replayWindow)));
    }

    private DeviceRecord verify(Optional<DeviceRecord> found, Envelope envelope, boolean checkReplayWindow) {
        JsonNode body = envelope.body();
        if (found.isEmpty()) {
            throw new DeviceMessageRejection(ReasonCodes.UNKNOWN_DEVICE, "no such device", body);
        }
        DeviceRecord device = found.get();
        if (!device.active()) {
            throw new DeviceMessageRejection(ReasonCodes.DEVICE_DISABLED, "the device is disabled", body);
        }
        if (!device.siteId().toString().equals(Ids.canonical(envelope.siteId()))) {
            throw new DeviceMessageRejection(ReasonCodes.TOPIC_MISMATCH, "the device belongs to another site", body);
        }
        if (!EnvelopeVerifier.verify(envelope, DeviceKeys.decodePublic(device.publicKey()))) {
            throw new DeviceMessageRejection(ReasonCodes.BAD_SIGNATURE, "the signature does not verify with the device's key", body);
        }
        if (checkReplayWindow && !replayWindow.accepts(envelope.sentAt())) {
            throw new DeviceMessageRejection(ReasonCodes.REPLAYED, "sentAt is outside the replay window; resend with a fresh envelope", body);
        }
        return device;
    }

    private static JsonNode read(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new DeviceMessageRejection(ReasonCodes.MALFORMED, "empty message", null);
        }
        if (payload.length > MAX_MESSAGE_BYTES) {
            throw new DeviceMessageRejection(ReasonCodes.MALFORMED, "a message is at most " + MAX_MESSAGE_BYTES + " bytes", null);
        }
        if (payload.length >= 3 && (payload[0] & 0xff) == 0xEF && (payload[1] & 0xff) == 0xBB && (payload[2] & 0xff) == 0xBF) {
            throw new DeviceMessageRejection(ReasonCodes.MALFORMED, "a message must not start with a byte order mark (RFC 8259)", null);
        }
        String text;
        try {
            // Strictly UTF-8: the JSON parser alone would also take UTF-16 and UTF-32 (RFC 8259 allows only UTF-8).
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new DeviceMessageRejection(ReasonCodes.MALFORMED, "a message is UTF-8 text", null);
        }
        try {
            JsonNode root = ProtocolCodec.mapper().readTree(text);
            if (root == null || !root.isObject()) {
                throw new DeviceMessageRejection(ReasonCodes.MALFORMED, "an envelope is a JSON object", null);
            }
            IntegralNumbers.normalise(root);
            return root;
        } catch (IOException e) {
            throw new DeviceMessageRejection(ReasonCodes.MALFORMED, "not readable JSON (UTF-8, no duplicate keys)", null);
        }
    }
}
