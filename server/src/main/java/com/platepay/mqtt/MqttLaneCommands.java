package com.platepay.mqtt;

import com.platepay.parking.LaneCommands;
import com.platepay.parking.LaneDecision;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.Topics;
import com.platepay.protocol.parking.AllowList;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Lane commands over MQTT: signed with the server's key, on the lane's own {@code command} topic. */
@ApplicationScoped
public class MqttLaneCommands implements LaneCommands {

    private final MqttGateway gateway;

    public MqttLaneCommands(MqttGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Uni<Void> send(UUID siteId, UUID deviceId, LaneDecision decision) {
        return Uni.createFrom().completionStage(() -> gateway.publish(siteId.toString(), deviceId.toString(), Topics.COMMAND,
                MessageTypes.COMMAND, LaneCommandBodies.of(decision, null), false));
    }

    @Override
    public Uni<Void> publishAllowList(UUID siteId, UUID deviceId, AllowList list) {
        return Uni.createFrom().completionStage(() -> gateway.publish(siteId.toString(), deviceId.toString(), Topics.COMMAND,
                MessageTypes.ALLOW_LIST, list, true));
    }
}
