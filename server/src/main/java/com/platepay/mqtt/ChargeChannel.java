package com.platepay.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.charging.ChargeCommand;
import com.platepay.charging.ChargeResults;
import com.platepay.charging.ChargeService;
import com.platepay.holds.HoldService;
import com.platepay.protocol.CanonicalJson;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ChargeRequest;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.DeviceRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/** {@code charge}: plate + amount from a handheld, debited exactly once per (device, canonical charge id). */
@ApplicationScoped
public class ChargeChannel implements DeviceChannel {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final ChargeService charges;
    private final HoldService holds;

    public ChargeChannel(ChargeService charges, HoldService holds) {
        this.charges = charges;
        this.holds = holds;
    }

    @Override
    public String channel() {
        return Topics.CHARGE;
    }

    @Override
    public String requestType() {
        return MessageTypes.CHARGE;
    }

    @Override
    public String resultChannel() {
        return Topics.CHARGE_RESULT;
    }

    @Override
    public String resultType() {
        return MessageTypes.CHARGE_RESULT;
    }

    @Override
    public Uni<Object> handle(AuthenticatedMessage message, Runnable committed) {
        ChargeCommand command = command(message.device(), message.envelope());
        String checkId = message.envelope().body().path("checkId").textValue();
        if (checkId != null) {
            // A CNG fill after a cylinder-check: completes the check's hold (a path of its own; acknowledged after the answer).
            return holds.charge(command, Ids.canonical(checkId)).map(result -> (Object) result);
        }
        return charges.admit(command).invoke(committed).flatMap(admission -> admission instanceof ChargeService.Admission.Authorizing a
                ? charges.complete(a).map(result -> (Object) result)
                : Uni.createFrom().item(((ChargeService.Admission.Answered) admission).result()));
    }

    @Override
    public Object rejected(DeviceMessageRejection rejection) {
        JsonNode body = rejection.body() == null ? ProtocolCodec.mapper().missingNode() : rejection.body();
        return ChargeResults.rejected(echoedChargeId(body), echoedAmount(body), echoedCurrency(body), rejection.code(),
                rejection.getMessage());
    }

    /** The schema has accepted the body; what is left is the plate grammar and the device's role. */
    private static ChargeCommand command(DeviceRecord device, Envelope envelope) {
        ChargeRequest r;
        try {
            r = ProtocolCodec.body(envelope, ChargeRequest.class);
        } catch (ProtocolException e) {
            throw new DeviceMessageRejection(e.code(), e.getMessage(), envelope.body());
        }
        if (!"HANDHELD".equals(device.type())) {
            throw new DeviceMessageRejection(ReasonCodes.INVALID_FIELD, "only handhelds send charges", envelope.body());
        }
        PlateNumber plate;
        PlateColour colour;
        try {
            plate = PlateNumber.parse(r.plate());
            colour = r.plateColour() == null ? null : PlateColour.valueOf(r.plateColour());
            if (colour != null) {
                plate.checkColour(colour);
            }
        } catch (InvalidPlateException e) {
            throw new DeviceMessageRejection(ReasonCodes.INVALID_PLATE, e.getMessage(), envelope.body());
        }
        return new ChargeCommand(device.id(), device.siteId(), device.operatorId(), device.siteCategory(),
                Ids.canonical(r.chargeId()), plate, colour, r.amount(), r.currency(), r.volumeMilli(), r.volumeUnit(),
                r.unitPrice(), r.pump(), r.attendant(), r.capturedAt());
    }

    /** The charge id the device waits on, in canonical form, when it is one. */
    private static String echoedChargeId(JsonNode body) {
        JsonNode id = body.path("chargeId");
        return id.isTextual() && Ids.isValidMessageId(id.textValue()) ? Ids.canonical(id.textValue()) : null;
    }

    /** The amount exactly as sent, or none: a signed result never states an amount the device did not send. */
    private static Long echoedAmount(JsonNode body) {
        JsonNode amount = body.path("amount");
        return amount.isIntegralNumber() && amount.canConvertToLong() && amount.longValue() >= 0
                && amount.longValue() <= CanonicalJson.MAX_SAFE_INTEGER ? amount.longValue() : null;
    }

    private static String echoedCurrency(JsonNode body) {
        JsonNode currency = body.path("currency");
        return currency.isTextual() && CURRENCY.matcher(currency.textValue()).matches() ? currency.textValue() : null;
    }
}
