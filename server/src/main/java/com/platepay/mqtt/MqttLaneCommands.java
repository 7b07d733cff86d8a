package com.platepay.mqtt;

import com.platepay.parking.LaneCommands;
import com.platepay.parking.LaneDecision;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.Topics;
import com.platepay.protocol.parking.AllowList;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Lane commands over MQTT: signed with the server's key, on the lane's own {@code command} topic. */
@ApplicationScoped
public class MqttLaneCommands implements LaneCommands {

    private final MqttGateway gateway;

    public MqttLaneCommands(MqttGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Uni<Void> send(UUID siteId, UUID deviceId, LaneDecision decision) {
        return published(() -> gateway.publish(siteId.toString(), deviceId.toString(), Topics.COMMAND,
                MessageTypes.COMMAND, LaneCommandBodies.of(decision, null), false));
    }

    @Override
    public Uni<Void> publishAllowList(UUID siteId, UUID deviceId, AllowList list) {
        return published(() -> gateway.publish(siteId.toString(), deviceId.toString(), Topics.COMMAND,
                MessageTypes.ALLOW_LIST, list, true));
    }

    /** Back on the caller's Vert.x context when the broker has it: the caller may go on with Hibernate Reactive. */
    private static Uni<Void> published(Supplier<CompletionStage<Void>> publish) {
        Context context = Vertx.currentContext();
        Uni<Void> sent = Uni.createFrom().completionStage(publish);
        return context == null ? sent : sent.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
