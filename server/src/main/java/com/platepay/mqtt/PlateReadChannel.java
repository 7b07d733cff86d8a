package com.platepay.mqtt;

import com.platepay.parking.LaneDecision;
import com.platepay.parking.LaneRead;
import com.platepay.parking.ParkingService;
import com.platepay.protocol.Envelope;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.ProtocolCodec;
import com.platepay.protocol.ProtocolException;
import com.platepay.protocol.Topics;
import com.platepay.protocol.charge.ReasonCodes;
import com.platepay.protocol.parking.PlateRead;
import com.platepay.protocol.plate.InvalidPlateException;
import com.platepay.protocol.plate.PlateColour;
import com.platepay.protocol.plate.PlateNumber;
import com.platepay.sites.DeviceRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;

/**
 * {@code plate-read}: a lane camera's read, answered on the lane's {@code command} topic with OPEN_BARRIER or
 * DISPLAY and the read's seq as {@code ackSeq}. A plate that breaks the grammar is still stored and answered (a
 * person looks), so the box can drop it; a refused message carries no ackSeq, and the box sends it again.
 */
@ApplicationScoped
public class PlateReadChannel implements DeviceChannel {

    private final ParkingService parking;

    public PlateReadChannel(ParkingService parking) {
        this.parking = parking;
    }

    @Override
    public String channel() {
        return Topics.PLATE_READ;
    }

    @Override
    public String requestType() {
        return MessageTypes.PLATE_READ;
    }

    @Override
    public String resultChannel() {
        return Topics.COMMAND;
    }

    @Override
    public String resultType() {
        return MessageTypes.COMMAND;
    }

    @Override
    public Uni<Object> handle(AuthenticatedMessage message, Runnable committed) {
        LaneRead read = read(message.device(), message.envelope());
        long seq = message.envelope().seq();
        return parking.handle(read, committed).map(decision -> (Object) LaneCommandBodies.of(decision, seq));
    }

    @Override
    public Object rejected(DeviceMessageRejection rejection) {
        return LaneCommandBodies.of(new LaneDecision(false, rejection.code(), "Please see the attendant", null, null, null), null);
    }

    private static LaneRead read(DeviceRecord device, Envelope envelope) {
        PlateRead r;
        try {
            r = ProtocolCodec.body(envelope, PlateRead.class);
        } catch (ProtocolException e) {
            throw new DeviceMessageRejection(e.code(), e.getMessage(), envelope.body());
        }
        if (!"CAMERA".equals(device.type())) {
            throw new DeviceMessageRejection(ReasonCodes.INVALID_FIELD, "only lane cameras send plate reads", envelope.body());
        }
        PlateColour colour = r.plateColour() == null ? null : PlateColour.valueOf(r.plateColour());
        PlateNumber plate = plate(r.plate());
        if (plate != null && colour != null && !fits(plate, colour)) {
            colour = null;   // the reader's colour contradicts the plate's text: a person decides, not the colour
        }
        List<String> candidates = r.candidatesOrEmpty().stream().map(c -> plate(c.plate())).filter(Objects::nonNull)
                .map(PlateNumber::text).toList();
        return new LaneRead(device.id(), device.siteId(), device.operatorId(), envelope.seq(), r, plate, colour, candidates);
    }

    private static PlateNumber plate(String text) {
        try {
            return PlateNumber.parse(text);
        } catch (InvalidPlateException e) {
            return null;
        }
    }

    private static boolean fits(PlateNumber plate, PlateColour colour) {
        try {
            plate.checkColour(colour);
            return true;
        } catch (InvalidPlateException e) {
            return false;
        }
    }
}
