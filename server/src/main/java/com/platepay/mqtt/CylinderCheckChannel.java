package com.platepay.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.cylinders.CylinderCheckCommand;
import com.platepay.cylinders.CylinderCheckResults;
import com.platepay.cylinders.CylinderCheckService;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.Ids;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.cylinder.CylinderCheckRequest;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.DeviceRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code cylinder-check}: before filling, may this cylinder be filled and may this vehicle pay frictionlessly here;
 * answered on {@code cylinder-check/result} with the stored check's id.
 */
@ApplicationScoped
public class CylinderCheckChannel implements DeviceChannel {

    private final CylinderCheckService checks;

    public CylinderCheckChannel(CylinderCheckService checks) {
        this.checks = checks;
    }

    @Override
    public String channel() {
        return Topics.CYLINDER_CHECK;
    }

    @Override
    public String requestType() {
        return MessageTypes.CYLINDER_CHECK;
    }

    @Override
    public String resultChannel() {
        return Topics.CYLINDER_CHECK_RESULT;
    }

    @Override
    public String resultType() {
        return MessageTypes.CYLINDER_CHECK_RESULT;
    }

    @Override
    public Uni<Object> handle(AuthenticatedMessage message, Runnable committed) {
        CylinderCheckCommand command = command(message.device(), message.envelope());
        return checks.check(command).invoke(committed).map(outcome -> outcome.conflict() != null
                ? CylinderCheckResults.rejected(command.requestRef(), outcome.conflict(),
                        "this request id was already used for a different check")
                : CylinderCheckResults.of(outcome.check(), outcome.held()));
    }

    @Override
    public Object rejected(DeviceMessageRejection rejection) {
        JsonNode body = rejection.body() == null ? ProtocolCodec.mapper().missingNode() : rejection.body();
        JsonNode id = body.path("requestId");
        String requestId = id.isTextual() && Ids.isValidMessageId(id.textValue()) ? Ids.canonical(id.textValue()) : null;
        return CylinderCheckResults.rejected(requestId, rejection.code(), rejection.getMessage());
    }

    /** The schema has accepted the body; what is left is the plate grammar and the device's role. */
    private static CylinderCheckCommand command(DeviceRecord device, Envelope envelope) {
        CylinderCheckRequest r;
        try {
            r = ProtocolCodec.body(envelope, CylinderCheckRequest.class);
        } catch (ProtocolException e) {
            throw new DeviceMessageRejection(e.code(), e.getMessage(), envelope.body());
        }
        if (!"HANDHELD".equals(device.type())) {
            throw new DeviceMessageRejection(ReasonCodes.INVALID_FIELD, "only handhelds check cylinders", envelope.body());
        }
        PlateNumber plate = null;
        PlateColour colour = null;
        try {
            if (r.plate() != null) {
                plate = PlateNumber.parse(r.plate());
                colour = r.plateColour() == null ? null : PlateColour.valueOf(r.plateColour());
                if (colour != null) {
                    plate.checkColour(colour);
                }
            }
        } catch (InvalidPlateException e) {
            throw new DeviceMessageRejection(ReasonCodes.INVALID_PLATE, e.getMessage(), envelope.body());
        }
        return new CylinderCheckCommand(device.id(), device.siteId(), device.siteCategory(), Ids.canonical(r.requestId()),
                r.tagId(), plate, colour, r.medium(), r.pump(), r.attendant());
    }
}
