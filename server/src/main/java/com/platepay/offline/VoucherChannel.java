package com.platepay.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.platepay.mqtt.AuthenticatedMessage;
import com.platepay.mqtt.DeviceChannel;
import com.platepay.mqtt.DeviceMessageRejection;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.offline.Voucher;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.DeviceRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code voucher}: a handheld uploading what it filled offline, answered on {@code voucher/result}. The gateway finds
 * every {@link DeviceChannel} bean, so this class is the whole registration; the envelope went through the same edge
 * checks as every channel's (the contract schema, which validates a voucher body by type, signature, replay window).
 * What is left here: the voucher's own signature, the plate grammar and the device's role.
 */
@ApplicationScoped
public class VoucherChannel implements DeviceChannel {

    private final VoucherService vouchers;

    public VoucherChannel(VoucherService vouchers) {
        this.vouchers = vouchers;
    }

    @Override
    public String channel() {
        return Topics.VOUCHER;
    }

    @Override
    public String requestType() {
        return MessageTypes.VOUCHER;
    }

    @Override
    public String resultChannel() {
        return Topics.VOUCHER_RESULT;
    }

    @Override
    public String resultType() {
        return MessageTypes.VOUCHER_RESULT;
    }

    @Override
    public Uni<Object> handle(AuthenticatedMessage message, Runnable committed) {
        VoucherService.Upload upload = upload(message.device(), message.envelope());
        return vouchers.upload(upload, committed).map(result -> (Object) result);
    }

    @Override
    public Object rejected(DeviceMessageRejection rejection) {
        JsonNode body = rejection.body() == null ? ProtocolCodec.mapper().missingNode() : rejection.body();
        JsonNode counter = body.path("counter");
        Long echoed = counter.isIntegralNumber() && counter.canConvertToLong() && counter.longValue() >= 1 ? counter.longValue() : null;
        return VoucherService.rejected(echoed, rejection.code(), rejection.getMessage());
    }

    private static VoucherService.Upload upload(DeviceRecord device, Envelope envelope) {
        Voucher v;
        try {
            v = ProtocolCodec.body(envelope, Voucher.class);
        } catch (ProtocolException e) {
            throw new DeviceMessageRejection(e.code(), e.getMessage(), envelope.body());
        }
        if (!"HANDHELD".equals(device.type())) {
            throw new DeviceMessageRejection(ReasonCodes.INVALID_FIELD, "only handhelds issue vouchers", envelope.body());
        }
        String refusal = VoucherService.refusal(device, v);
        if (refusal != null) {
            throw new DeviceMessageRejection(refusal, ReasonCodes.BAD_SIGNATURE.equals(refusal)
                    ? "the voucher's own signature does not verify with the device's key" : "the voucher was issued by another device or site",
                    envelope.body());
        }
        try {
            PlateNumber plate = PlateNumber.parse(v.plate());
            PlateColour colour = PlateColour.valueOf(v.plateColour());
            plate.checkColour(colour);
            return new VoucherService.Upload(device, v, plate, colour);
        } catch (InvalidPlateException e) {
            throw new DeviceMessageRejection(ReasonCodes.INVALID_PLATE, e.getMessage(), envelope.body());
        }
    }
}
