package com.platepay.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.charging.ChargeCommand;
import com.platepay.charging.ChargeResults;
import com.platepay.charging.ChargeService;
import com.platepay.platform.Hashes;
import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.CanonicalJson;
import com.platepay.protocol.DeviceKeys;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.EnvelopeVerifier;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.ReplayWindow;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ChargeResult;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Turns one {@code charge} message into the result the device gets. Checks run cheapest-first and in the order
 * that leaks least: envelope, device, signature, replay window, then the body. Anything refused gets a
 * REJECTED result with its reason code, is logged once, and changes nothing.
 */
@ApplicationScoped
public class ChargeMessageHandler {

    private static final Logger LOG = Logger.getLogger(ChargeMessageHandler.class);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final long MAX_AMOUNT = 100_000_000_00L;

    private final DeviceLookup devices;
    private final ChargeService charges;
    private final ReplayWindow replayWindow;

    public ChargeMessageHandler(DeviceLookup devices, ChargeService charges, PlatePayConfig config) {
        this.devices = devices;
        this.charges = charges;
        this.replayWindow = new ReplayWindow(config.charging().replayWindow(), config.charging().maxClockSkew(), Clock.systemUTC());
    }

    /** Thrown inside the checks to end with a REJECTED result. */
    private static final class Rejection extends RuntimeException {
        final String code;

        Rejection(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** The result for the device; empty when an earlier copy of this charge is still being processed. */
    public Uni<Optional<ChargeResult>> handle(Topics.DeviceTopic topic, byte[] payload) {
        Envelope envelope;
        try {
            envelope = ProtocolCodec.decode(payload);
        } catch (ProtocolException e) {
            return rejected(topic, bestEffortChargeId(payload), 0, null, e.code(), e.getMessage());
        }
        JsonNode body = envelope.body();
        String chargeId = body.path("chargeId").isTextual() ? body.path("chargeId").asText() : null;
        long amount = body.path("amount").canConvertToLong() ? body.path("amount").asLong() : 0;
        String currency = body.path("currency").isTextual() ? body.path("currency").asText() : null;
        if (!MessageTypes.CHARGE.equals(envelope.type())) {
            return rejected(topic, chargeId, amount, currency, ReasonCodes.MALFORMED, "a charge topic carries charge messages only");
        }
        if (!topic.deviceId().equals(envelope.deviceId()) || !topic.siteId().equals(envelope.siteId())) {
            return rejected(topic, chargeId, amount, currency, ReasonCodes.TOPIC_MISMATCH, "envelope ids differ from the topic");
        }
        return devices.find(envelope.deviceId()).flatMap(found -> {
            try {
                DeviceRecord device = authenticate(found, envelope);
                ChargeRequest request = ProtocolCodec.body(envelope, ChargeRequest.class);
                ChargeCommand command = validate(device, request, Hashes.sha256Hex(CanonicalJson.bytes(body)));
                return charges.charge(command);
            } catch (Rejection r) {
                return rejected(topic, chargeId, amount, currency, r.code, r.getMessage());
            } catch (ProtocolException e) {
                return rejected(topic, chargeId, amount, currency, e.code(), e.getMessage());
            }
        });
    }

    private DeviceRecord authenticate(Optional<DeviceRecord> found, Envelope envelope) {
        if (found.isEmpty()) {
            throw new Rejection(ReasonCodes.UNKNOWN_DEVICE, "no such device");
        }
        DeviceRecord device = found.get();
        if (!device.active()) {
            throw new Rejection(ReasonCodes.DEVICE_DISABLED, "the device is disabled");
        }
        if (!device.siteId().toString().equals(envelope.siteId())) {
            throw new Rejection(ReasonCodes.TOPIC_MISMATCH, "the device belongs to another site");
        }
        if (!EnvelopeVerifier.verify(envelope, DeviceKeys.decodePublic(device.publicKey()))) {
            throw new Rejection(ReasonCodes.BAD_SIGNATURE, "the signature does not verify with the device's key");
        }
        if (!replayWindow.accepts(envelope.sentAt())) {
            throw new Rejection(ReasonCodes.REPLAYED, "sentAt is outside the replay window; resend with a fresh envelope");
        }
        if (!"HANDHELD".equals(device.type())) {
            throw new Rejection(ReasonCodes.INVALID_FIELD, "only handhelds send charges");
        }
        return device;
    }

    private ChargeCommand validate(DeviceRecord device, ChargeRequest r, String requestHash) {
        if (!Ids.isValidMessageId(r.chargeId())) {
            throw new Rejection(ReasonCodes.INVALID_CHARGE_ID, "chargeId must be a UUID or a ULID");
        }
        if (r.amount() <= 0 || r.amount() > MAX_AMOUNT) {
            throw new Rejection(ReasonCodes.INVALID_AMOUNT, "amount must be a positive number of fen");
        }
        if (!CURRENCY.matcher(r.currency()).matches()) {
            throw new Rejection(ReasonCodes.INVALID_FIELD, "currency must be an ISO 4217 code");
        }
        if (r.volumeUnit() != null && !r.volumeUnit().equals("M3") && !r.volumeUnit().equals("L")) {
            throw new Rejection(ReasonCodes.INVALID_FIELD, "volumeUnit must be M3 or L");
        }
        if (r.volumeMilli() != null && r.volumeMilli() < 0 || r.unitPrice() != null && r.unitPrice() < 0) {
            throw new Rejection(ReasonCodes.INVALID_FIELD, "volume and unit price cannot be negative");
        }
        if (r.pump() != null && r.pump().length() > 32 || r.attendant() != null && r.attendant().length() > 64) {
            throw new Rejection(ReasonCodes.INVALID_FIELD, "pump or attendant is too long");
        }
        PlateNumber plate;
        PlateColour colour;
        try {
            plate = PlateNumber.parse(r.plate());
            colour = r.plateColour() == null ? null : PlateColour.parse(r.plateColour());
            if (colour != null) {
                plate.checkColour(colour);
            }
        } catch (InvalidPlateException e) {
            throw new Rejection(ReasonCodes.INVALID_PLATE, e.getMessage());
        }
        return new ChargeCommand(device.id(), device.siteId(), device.operatorId(), device.siteCategory(), r.chargeId(),
                requestHash, plate, colour, r.amount(), r.currency(), r.volumeMilli(), r.volumeUnit(), r.unitPrice(), r.pump(),
                r.attendant(), r.capturedAt());
    }

    private static Uni<Optional<ChargeResult>> rejected(Topics.DeviceTopic topic, String chargeId, long amount, String currency,
                                                        String code, String message) {
        LOG.infof("rejected charge message from device %s: %s (%s)", topic.deviceId(), code, message);
        return Uni.createFrom().item(Optional.of(ChargeResults.rejected(chargeId, Math.max(amount, 0), currency, code, message)));
    }

    /** So that even a malformed message can be answered with the charge id the device is waiting on. */
    private static String bestEffortChargeId(byte[] payload) {
        try {
            JsonNode id = ProtocolCodec.mapper().readTree(payload).path("body").path("chargeId");
            return id.isTextual() && id.asText().length() <= 64 ? id.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
