package com.platepay.offline;

import com.platepay.mqtt.MqttGateway;
import com.platepay.platform.PlatePayConfig;
import com.platepay.protocol.MessageTypes;
import com.platepay.protocol.Topics;
import com.platepay.protocol.offline.HandheldAllowList;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps every GAS site's handhelds' offline allow-list current, as the parking lanes' is kept: on a timer, each site's
 * list is rebuilt ({@link HandheldAllowLists}) and published signed with the server's key and retained on each active
 * handheld's {@code command} topic whenever that handheld has not had this version from this replica yet. A new
 * version comes only with a change or when the list is getting old, so an unchanged list is not sent again.
 */
@ApplicationScoped
public class HandheldAllowListPublisher {

    private static final Logger LOG = Logger.getLogger(HandheldAllowListPublisher.class);
    private static final String SITES = """
            select s.id, s.currency from sites s where s.category = 'GAS'
            and exists (select 1 from devices d where d.site_id = s.id and d.type = 'HANDHELD' and d.status = 'ACTIVE')""";
    private static final String HANDHELDS = "select id from devices where site_id = ?1 and type = 'HANDHELD' and status = 'ACTIVE'";

    private final HandheldAllowLists lists;
    private final MqttGateway gateway;
    private final PlatePayConfig config;
    /** The version each handheld was last sent by this replica. */
    private final Map<UUID, Long> published = new ConcurrentHashMap<>();

    public HandheldAllowListPublisher(HandheldAllowLists lists, MqttGateway gateway, PlatePayConfig config) {
        this.lists = lists;
        this.gateway = gateway;
        this.config = config;
    }

    @Scheduled(every = "${platepay.offline.allow-list-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        LocalDate today = LocalDate.ofInstant(Instant.now(), config.charging().businessZone());
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(SITES, Object[].class).getResultList()))
                .flatMap(sites -> Multi.createFrom().iterable(sites)
                        .onItem().transformToUniAndConcatenate(site -> refresh((UUID) site[0], (String) site[1], today))
                        .collect().asList())
                .onFailure().invoke(e -> LOG.warn("handheld allow-list refresh failed; will try again", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Rebuilds one site's list and sends it to the handhelds that do not have it from here yet. */
    Uni<Void> refresh(UUID siteId, String currency, LocalDate today) {
        return Panache.withTransaction(() -> lists.build(siteId, currency, today, config.offline().allowListValidity())
                        .flatMap(list -> Panache.getSession().flatMap(s -> s.createNativeQuery(HANDHELDS, UUID.class).setParameter(1, siteId)
                                .getResultList()).map(devices -> new Built(list, devices))))
                .flatMap(built -> built.list() == null ? Uni.createFrom().voidItem() : Multi.createFrom().iterable(built.devices())
                        .filter(device -> !Long.valueOf(built.list().version()).equals(published.get(device)))
                        .onItem().transformToUniAndConcatenate(device -> publish(siteId, device, built.list())
                                .invoke(() -> published.put(device, built.list().version())))
                        .collect().asList().replaceWithVoid());
    }

    private record Built(HandheldAllowList list, List<UUID> devices) {
    }

    /** Back on the caller's Vert.x context once the broker has it, as the lane commands do. */
    private Uni<Void> publish(UUID siteId, UUID deviceId, HandheldAllowList list) {
        Context context = Vertx.currentContext();
        Uni<Void> sent = Uni.createFrom().completionStage(() -> gateway.publish(siteId.toString(), deviceId.toString(), Topics.COMMAND,
                MessageTypes.HANDHELD_ALLOW_LIST, list, true));
        return context == null ? sent : sent.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
